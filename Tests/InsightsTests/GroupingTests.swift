import ClusterModel
import Testing

@testable import Insights

@Suite struct GroupingTests {
    typealias B = SnapshotBuilder

    let snapshot = B.snapshot(
        0,
        gpus: [
            B.gpu("node-2", 0, vram: 0.9, util: 0.8, temp: 70, power: 300, instances: ["a"]),
            B.gpu("node-2", 1, vram: 0.5, util: 0.4, temp: 60, power: 200, instances: ["a"]),
            B.gpu("node-10", 0, type: "NVIDIA L4", vram: 0.2, util: nil, temp: 50, power: 70, instances: ["b"]),
            B.gpu("node-10", 1, type: "NVIDIA L4", vram: nil, util: 0.1, temp: nil, power: nil),
        ],
        instances: [
            B.instance("a", node: "node-2", running: 10, waiting: 2, kv: 0.6, tps: 900, gpus: ["node-2/0", "node-2/1"]),
            B.instance(
                "b", node: "node-10", model: "Qwen/Qwen2.5-7B", running: 3, waiting: 0, kv: 0.9, tps: 100,
                gpus: ["node-10/0"]),
        ])

    @Test func groupsByNodeWithAggregatesThatSkipAbsentValues() throws {
        let groups = GPUGrouping.groups(snapshot, by: .node)
        #expect(groups.map(\.key) == ["node-2", "node-10"])
        let first = try #require(groups.first)
        let second = try #require(groups.last)
        #expect(first.gpuCount == 2)
        #expect(abs((first.vramFraction ?? 0) - 0.7) < 1e-9)
        #expect(first.maxVRAMFraction == 0.9)
        #expect(abs((first.meanUtilization ?? 0) - 0.6) < 1e-9)
        #expect(first.maxTemperatureC == 70)
        #expect(first.powerWatts == 500)
        // The instance spans both GPUs of the node but counts once.
        #expect(first.instanceCount == 1)
        #expect(first.generationTokensPerSecond == 900)
        #expect(first.running == 10)
        #expect(first.waiting == 2)
        #expect(second.meanUtilization == 0.1)
        #expect(second.vramFraction == 0.2)
        #expect(second.gpuTypes == ["NVIDIA L4"])
        #expect(second.maxKVCacheUsage == 0.9)
    }

    @Test func groupsByModelPutIdleGPUsApart() {
        let groups = GPUGrouping.groups(snapshot, by: .model)
        #expect(groups.map(\.key) == ["meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B", GPUGroupingMode.noModel])
        #expect(groups.map(\.gpuCount) == [2, 1, 1])
        #expect(groups[2].instanceCount == 0)
        #expect(groups[2].generationTokensPerSecond == nil)
    }

    @Test func filteringComesBeforeGroupingSoAggregatesCoverMatchesOnly() throws {
        let index = SnapshotIndex(snapshot)
        let hot = GPUGrouping.filtered(snapshot, index: index, filter: try FilterExpression.parse("vram>40"))
        let groups = GPUGrouping.groups(snapshot, index: index, by: .node, gpus: hot)
        #expect(groups.map(\.key) == ["node-2"])
        #expect(groups.first?.gpuCount == 2)
        // A group's own row carries its members' names and its aggregates.
        let all = GPUGrouping.groups(snapshot, index: index, by: .node)
        let filter = try FilterExpression.parse("node=node-10 kv>=90")
        #expect(all.map { filter.matches($0.filterRow) } == [false, true])
    }

    @Test func collapsedGroupsShowOneRowAndExpandedOnesTheirMembersSorted() {
        let index = SnapshotIndex(snapshot)
        let groups = GPUGrouping.groups(snapshot, index: index, by: .node)
        var expansion = GroupExpansion.automatic(gpuCount: 2352)
        #expect(expansion.rows(groups, index: index).map(\.selectionID) == ["node:node-2", "node:node-10"])
        expansion.toggle("node:node-10")
        let rows = expansion.rows(groups, index: index, sort: .vram)
        #expect(rows.map(\.selectionID) == ["node:node-2", "node:node-10", "node-10/0", "node-10/1"])
        // Ascending by VRAM: the absent value still goes last.
        #expect(
            expansion.rows(groups, index: index, sort: .vram, ascending: true).map(\.selectionID)
                == ["node:node-10", "node-10/0", "node-10/1", "node:node-2"])
        expansion.toggle("node:node-10")
        #expect(expansion.rows(groups, index: index).count == 2)
        expansion.expandAll()
        #expect(expansion.rows(groups, index: index).count == 6)
        expansion.collapseAll()
        #expect(expansion.rows(groups, index: index).count == 2)
        #expect(GroupExpansion.automatic(gpuCount: 8).isExpanded("node:node-2"))
    }

    @Test func namesSortNaturally() {
        let names = ["gpu-node-10", "gpu-node-2", "gpu-node-002b", "GPU-node-1", "a"]
        #expect(names.sorted { $0.naturallyPrecedes($1) } == ["a", "GPU-node-1", "gpu-node-2", "gpu-node-002b", "gpu-node-10"])
    }

    @Test func twoThousandGPUsGroupIntoTheirNodes() {
        let gpus = (0..<294).flatMap { node in (0..<8).map { B.gpu("gpu-node-\(node)", $0, vram: Double($0) / 8) } }
        let big = B.snapshot(0, gpus: gpus)
        let groups = GPUGrouping.groups(big, by: .node)
        #expect(groups.count == 294)
        #expect(groups.allSatisfy { $0.gpuCount == 8 && $0.maxVRAMFraction == 7.0 / 8 })
    }
}
