import Testing

@testable import Simulator

/// Same seed and options, same bytes; another seed, other bytes.
@Suite struct DeterminismTests {
    static func run(seed: UInt64) -> [[UInt8]] {
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .failure, seed: seed, nodes: 3))
        var pages: [[UInt8]] = []
        // 6 minutes cover the crash, the restart, the straggler and the node going down.
        simulator.fastForward(durationMs: 360_000, intervalMs: 15_000) { scrape in
            pages.append(scrape.bytes ?? [])
        }
        return pages
    }

    @Test func sameSeedGivesByteIdenticalPages() async {
        let first = await Offload.run { Self.run(seed: 42) }
        let second = await Offload.run { Self.run(seed: 42) }
        let other = await Offload.run { Self.run(seed: 43) }
        #expect(first.count == second.count)
        #expect(first == second)
        #expect(first.contains { $0.isEmpty }, "the run should include targets that do not answer")
        #expect(other != first)
    }

    @Test func virtualTimeStartsAtAFixedDateAndAdvancesExactly() {
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .steady))
        #expect(simulator.nowMs == 1_767_225_600_000)
        simulator.advance(byMs: 1_234)
        #expect(simulator.nowMs == 1_767_225_601_234)
        simulator.advance(toMs: simulator.nowMs - 5)
        #expect(simulator.nowMs == 1_767_225_601_234)
        #expect(simulator.elapsedMs == 1_234)
    }

    @Test func targetsHaveStablePathsAndIDs() {
        let simulator = ClusterSimulator(options: SimulationOptions(scenario: .mixedGPUs, nodes: 2, gpusPerNode: 2))
        #expect(
            simulator.targets.map(\.id) == [
                "sim://node-00/vllm-0", "sim://node-00/sglang-1", "sim://node-00/dcgm",
                "sim://node-01/vllm-0", "sim://node-01/sglang-1", "sim://node-01/dcgm",
            ])
        #expect(simulator.targets[1].path == "/node-00/sglang-1/metrics")
        #expect(simulator.targets[1].slug == "node-00_sglang-1")
        #expect(Set(simulator.targets.map(\.path)).count == simulator.targets.count)
    }
}
