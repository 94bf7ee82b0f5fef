import ClusterModel
import Testing

/// GPUs and instances hold what names them by reference (one object shared by every frame's copy); they must
/// still behave as plain values: a change to one copy is not seen by another, and equality and hashing go by value.
@Suite struct SharedValueTests {
    @Test func aChangedCopyLeavesTheOthersAlone() {
        let plan = SharedValue(GPUIdentity(id: "node-0/0", node: "node-0", index: 0, uuid: "GPU-a", modelName: "H100"))
        let first = GPU(
            identity: plan, vramUsedBytes: 1, vramFreeBytes: 2, vramTotalBytes: 3, utilization: nil, temperatureC: nil,
            powerWatts: nil, powerLimitWatts: nil, smClockMHz: nil, memClockMHz: nil, joinedInstances: .none, stale: false)
        var second = first
        second.modelName = "H200"
        second.pod = PodReference(namespace: "serving", name: "vllm-0")
        #expect(first.modelName == "H100" && first.pod == nil)
        #expect(second.modelName == "H200" && second.pod?.name == "vllm-0")
        #expect(plan.value.modelName == "H100")
        #expect(second.id == "node-0/0" && second.uuid == "GPU-a")
    }

    @Test func equalAndHashedByValue() {
        let made = GPU(id: "n/1", node: "n", index: 1, uuid: "GPU-b", modelName: "L4", vramUsedBytes: 5)
        var planned = GPU(
            identity: SharedValue(GPUIdentity(id: "n/1", node: "n", index: 1, uuid: "GPU-b", modelName: "L4")),
            vramUsedBytes: 5, vramFreeBytes: nil, vramTotalBytes: nil, utilization: nil, temperatureC: nil,
            powerWatts: nil, powerLimitWatts: nil, smClockMHz: nil, memClockMHz: nil, joinedInstances: .none, stale: false)
        #expect(made == planned)
        #expect(Set([made, planned]).count == 1)
        planned.index = 2
        #expect(made != planned)

        let instance = EngineInstance(id: "t|vllm", target: "t", engine: .vllm, model: "m", running: 3)
        var shared = EngineInstance(identity: SharedValue(InstanceIdentity(id: "t|vllm", target: "t", engine: .vllm, model: "m")))
        shared.running = 3
        #expect(instance == shared)
        var renamed = shared
        renamed.node = "node-9"
        #expect(shared.node == nil && renamed.node == "node-9" && renamed != shared)
    }

    @Test func valuesMadeTogetherStayApart() {
        let names = SharedValue.together([["a", "b"], ["c"], []])
        var changed = names[1]
        changed.value.append("d")
        #expect(names.map(\.value) == [["a", "b"], ["c"], []])
        #expect(changed.value == ["c", "d"])
        #expect(changed != names[1] && names[0] != names[1])
        #expect(names[2] == SharedValue<[String]>.none && names[0] == SharedValue(["a", "b"]))
        var empty = SharedValue<[String]>.none
        empty.value = ["e"]
        #expect(SharedValue<[String]>.none.value.isEmpty && empty.value == ["e"])

        var gpu = GPU(id: "n/0", node: "n", index: 0, instanceIDs: ["t|vllm"])
        let copy = gpu
        gpu.instanceIDs.append("t2|vllm")
        #expect(copy.instanceIDs == ["t|vllm"] && gpu.instanceIDs == ["t|vllm", "t2|vllm"])
        var instance = EngineInstance(id: "t|vllm", target: "t", engine: .vllm)
        instance.joinedGPUs = names[0]
        #expect(instance.gpuIDs == ["a", "b"])
    }
}
