import ClusterModel
import Exposition
import TestSupport
import Testing

/// Engines joined to the GPUs whose DCGM series name their pod: the real L4 page, its GPU used by pod
/// `llm/vllm-qwen-0`, plus a copy of it as a second GPU used by another pod, and the real vLLM page on a
/// pod IP (as Kubernetes targets are), its pod named by the configuration or by its own labels.
@Suite struct PodJoinTests {
    static let dcgmTarget = "http://10.0.0.9:9400/metrics"
    static let vllmTarget = "http://10.1.2.3:8000/metrics"
    static let pod = PodReference(namespace: "llm", name: "vllm-qwen-0")

    /// The L4 page as GPU 0 (used by `pod`) and a copy as GPU 1 (used by `llm/other`).
    static func dcgmPage() throws -> [UInt8] {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("dcgm-exporter-kops-l4.prom")))
        let families = page.families.map { family in
            var family = family
            family.samples = family.samples.flatMap { sample -> [Sample] in
                var first = sample
                first.labels = sample.labels.setting("pod", "vllm-qwen-0").setting("namespace", "llm")
                var second = sample
                second.labels = sample.labels.setting("gpu", "1").setting("UUID", "GPU-second")
                    .setting("pod", "other").setting("namespace", "llm")
                return [first, second]
            }
            return family
        }
        return ExpositionWriter.page(families)
    }

    /// The real vLLM page, with `labels` added to every series.
    static func vllmPage(labels: [(String, String)] = []) throws -> [UInt8] {
        let page = ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")))
        let families = page.families.map { family in
            var family = family
            for index in family.samples.indices {
                for (name, value) in labels { family.samples[index].labels = family.samples[index].labels.setting(name, value) }
            }
            return family
        }
        return ExpositionWriter.page(families)
    }

    static func snapshot(vllm: [UInt8], pods: [String: PodReference] = [:]) throws -> ClusterSnapshot {
        let loader = PageLoader(modelConfiguration: ModelConfiguration(rateWindowMs: 2_000, targetPods: pods))
        let result = loader.load([
            PageInput(target: dcgmTarget, origin: "dcgm", bytes: try dcgmPage()),
            PageInput(target: vllmTarget, origin: "vllm", bytes: vllm),
        ])
        #expect(result.errors.isEmpty)
        return result.snapshot
    }

    static func expectJoinedToTheFirstGPU(_ snapshot: ClusterSnapshot) throws {
        #expect(snapshot.gpus.count == 2)
        let instance = try #require(snapshot.instances.first { $0.engine == .vllm })
        let used = try #require(snapshot.gpus.first { $0.uuid != "GPU-second" })
        #expect(instance.gpuIDs == [used.id])
        #expect(used.instanceIDs == [instance.id])
        #expect(snapshot.gpus.first { $0.uuid == "GPU-second" }?.instanceIDs == [])
        // The engine runs on the GPU's machine, not on the host of its pod IP.
        #expect(instance.node == used.node)
        #expect(used.node == "i-030791dc5a37cd257")
        #expect(instance.pod == pod && used.pod == pod)
        let json = SnapshotJSON.text(snapshot)
        #expect(json.contains("\"pod\": \"llm/vllm-qwen-0\"") && json.contains("\"pod\": \"llm/other\""))
    }

    @Test func theConfigurationNamesTheTargetsPod() throws {
        try Self.expectJoinedToTheFirstGPU(try Self.snapshot(vllm: try Self.vllmPage(), pods: [Self.vllmTarget: Self.pod]))
    }

    @Test func theEnginesOwnPodLabelsNameIt() throws {
        let page = try Self.vllmPage(labels: [("pod", "vllm-qwen-0"), ("namespace", "llm")])
        try Self.expectJoinedToTheFirstGPU(try Self.snapshot(vllm: page))
    }

    /// A target that answers with no metrics (loading its model) is shown as a placeholder; its pod, from the
    /// configuration, joins it to its own GPU, not to every GPU of its node, and places it on that GPU's machine
    /// rather than on the host of its pod IP.
    @Test func aTargetWithoutMetricsIsJoinedThroughItsPod() throws {
        let snapshot = try Self.snapshot(vllm: [], pods: [Self.vllmTarget: Self.pod])
        let placeholder = try #require(snapshot.instances.first { $0.target == Self.vllmTarget })
        #expect(placeholder.state == .loading)
        #expect(placeholder.gpuJoin == .pod)
        let used = try #require(snapshot.gpus.first { $0.uuid != "GPU-second" })
        #expect(placeholder.gpuIDs == [used.id])
        #expect(used.instanceIDs == [placeholder.id])
        #expect(placeholder.node == used.node)
        #expect(snapshot.gpus.first { $0.uuid == "GPU-second" }?.instanceIDs == [])
    }

    @Test func aPodOfAnotherNamespaceIsNotJoined() throws {
        let snapshot = try Self.snapshot(
            vllm: try Self.vllmPage(),
            pods: [Self.vllmTarget: PodReference(namespace: "staging", name: "vllm-qwen-0")])
        let instance = try #require(snapshot.instances.first { $0.engine == .vllm })
        // Back to the host join: the pod IP is no GPU's node.
        #expect(instance.gpuIDs.isEmpty)
        #expect(instance.node == "10.1.2.3")
    }

    @Test func anExplicitGPUMapWinsOverThePod() throws {
        let loader = PageLoader(
            modelConfiguration: ModelConfiguration(
                rateWindowMs: 2_000, instanceGPUs: ["\(Self.vllmTarget)|vllm|Qwen/Qwen2.5-0.5B-Instruct": ["GPU-second"]],
                targetPods: [Self.vllmTarget: Self.pod]))
        let snapshot = loader.load([
            PageInput(target: Self.dcgmTarget, origin: "dcgm", bytes: try Self.dcgmPage()),
            PageInput(target: Self.vllmTarget, origin: "vllm", bytes: try Self.vllmPage()),
        ]).snapshot
        let instance = try #require(snapshot.instances.first { $0.engine == .vllm })
        #expect(instance.gpuIDs == [try #require(snapshot.gpus.first { $0.uuid == "GPU-second" }).id])
    }

    /// One pod, two engine containers, each on its own GPU (dcgm-exporter names the container too): each engine
    /// is joined to its container's GPU, not to both.
    @Test func containersOfOnePodAreJoinedToTheirOwnGPUs() throws {
        let page = ExpositionParser.parse(try Self.dcgmPage())
        let families = page.families.map { family in
            var family = family
            for index in family.samples.indices {
                let second = family.samples[index].labels["UUID"] == "GPU-second"
                family.samples[index].labels = family.samples[index].labels.setting("pod", "vllm-qwen-0")
                    .setting("container", second ? "b" : "a")
            }
            return family
        }
        let pods = [Self.vllmTarget: PodReference(namespace: "llm", name: "vllm-qwen-0", container: "b")]
        let loader = PageLoader(modelConfiguration: ModelConfiguration(rateWindowMs: 2_000, targetPods: pods))
        let snapshot = loader.load([
            PageInput(target: Self.dcgmTarget, origin: "dcgm", bytes: ExpositionWriter.page(families)),
            PageInput(target: Self.vllmTarget, origin: "vllm", bytes: try Self.vllmPage()),
        ]).snapshot
        let instance = try #require(snapshot.instances.first { $0.engine == .vllm })
        #expect(instance.gpuIDs == [try #require(snapshot.gpus.first { $0.uuid == "GPU-second" }).id])
        #expect(instance.gpuJoin == .pod)
    }

    /// The configuration names GPUs as the user knows them: by index on the engine's node, keyed by target; a GPU
    /// that no exporter reports is said in the notes, never joined silently to nothing.
    @Test func theConfigurationNamesGPUsByIndexOnTheNode() throws {
        let configuration = ModelConfiguration(
            rateWindowMs: 2_000, targetNodes: [Self.vllmTarget: "i-030791dc5a37cd257"],
            instanceGPUs: [Self.vllmTarget: ["1", "7"]])
        let snapshot = PageLoader(modelConfiguration: configuration)
            .load([
                PageInput(target: Self.dcgmTarget, origin: "dcgm", bytes: try Self.dcgmPage()),
                PageInput(target: Self.vllmTarget, origin: "vllm", bytes: try Self.vllmPage()),
            ]).snapshot
        let instance = try #require(snapshot.instances.first { $0.engine == .vllm })
        #expect(instance.gpuIDs == [try #require(snapshot.gpus.first { $0.index == 1 }).id])
        #expect(instance.gpuJoin == .configuration)
        #expect(snapshot.notes.contains { $0.contains("names GPU 7") && $0.contains("i-030791dc5a37cd257") })
    }
}
