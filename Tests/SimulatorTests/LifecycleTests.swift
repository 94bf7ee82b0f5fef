import Testing

@testable import Simulator

/// Cold starts and faults, read back through pages and target status.
@Suite struct LifecycleTests {
    /// The DCGM `FB_USED` of GPU `gpu` on `node`'s exporter page.
    private func framebufferUsed(_ simulator: ClusterSimulator, node: String, gpu: Int) -> Double? {
        let dcgm = simulator.dcgmTargets.first { $0.node == node }!
        return simulator.read(dcgm)?.value("DCGM_FI_DEV_FB_USED", ["gpu": String(gpu)])
    }

    /// Copies of a simulation at the given virtual times (ms after the start), computed off the pool.
    private func snapshots(_ options: SimulationOptions, at times: [Int64]) async -> [ClusterSimulator] {
        await Offload.run {
            var simulator = ClusterSimulator(options: options)
            return times.map { time in
                simulator.advance(toMs: SimulationOptions.epochMs + time)
                return simulator
            }
        }
    }

    @Test func aLoadingInstanceServesNothingWhileItsVRAMGrows() async throws {
        let options = SimulationOptions(scenario: .coldStart, seed: 4, nodes: 2, gpusPerNode: 4)
        // node-01 holds Llama-3.1-70B over 4 GPUs, in the second wave: it starts at 20 s.
        let states = await snapshots(options, at: [10_000] + stride(from: 30_000, through: 220_000, by: 10_000))
        let late = states[0].engineTargets.first { $0.node == "node-01" }!
        #expect(states[0].status(of: late) == .notStarted)
        #expect(states[0].page(for: late) == nil)
        #expect(framebufferUsed(states[0], node: "node-01", gpu: 0) == 0)

        let loading = states.dropFirst().filter { $0.status(of: late) == .loading }
        // 141 GB at 1 GB/s: more than two minutes of loading.
        #expect(loading.count >= 12)
        var previous = 0.0
        for state in loading {
            #expect(state.page(for: late) == nil)
            let used = try #require(framebufferUsed(state, node: "node-01", gpu: 0))
            #expect(used > previous)
            previous = used
        }
        let last = try #require(states.last)
        #expect(last.status(of: late) == .up)
        #expect(try #require(last.read(late)).value("vllm:generation_tokens_total") != nil)
        #expect(try #require(framebufferUsed(last, node: "node-01", gpu: 0)) > previous)
    }

    @Test func failureScenarioCrashesRestartsTakesANodeDownAndThrottlesAGPU() async throws {
        let states = await snapshots(
            SimulationOptions(scenario: .failure, seed: 6),
            at: [59_000, 61_000, 120_000, 240_000, 310_000, 430_000, 545_000])
        let crashing = states[0].engineTargets.first { $0.node == "node-00" }!
        let before = try #require(states[0].read(crashing))
        #expect(try #require(before.value("vllm:generation_tokens_total")) > 0)
        #expect(states[1].status(of: crashing) == .crashed)
        #expect(states[1].page(for: crashing) == nil)
        // Restart after 20 s, then 16 GB of weights and the start-up: serving again by 2 minutes.
        #expect(states[2].status(of: crashing) == .up)
        let after = try #require(states[2].read(crashing))
        #expect(after.value("process_start_time_seconds")! > before.value("process_start_time_seconds")!)
        #expect(after.value("vllm:generation_tokens_total")! < before.value("vllm:generation_tokens_total")!)

        let hot = try #require(states[3].read(states[3].dcgmTargets.last!))
        let temperatures = hot.values("DCGM_FI_DEV_GPU_TEMP")
        let clocks = hot.values("DCGM_FI_DEV_SM_CLOCK")
        #expect(temperatures[0] > temperatures[1...].max()! + 5)
        #expect(clocks[0] < clocks[1...].max()!)

        let down = states[4].targets.filter { $0.node == "node-01" }
        #expect(!down.isEmpty)
        for target in down {
            #expect(states[4].status(of: target) == .nodeDown)
            #expect(states[4].page(for: target) == nil)
        }
        #expect(states[4].targets.filter { $0.node != "node-01" }.contains { states[4].page(for: $0) != nil })
        #expect(states[5].page(for: down.first { $0.kind == .dcgm }!) != nil)

        // At 540 s node-02's first instance (Qwen2.5-32B over GPUs 0 and 1) runs out of memory: the
        // framebuffer is full while the process dies, and the engine does not answer.
        let oom = states[6].engineTargets.first { $0.node == "node-02" }!
        #expect(states[6].status(of: oom) == .crashed)
        let node2 = try #require(states[6].read(states[6].dcgmTargets.first { $0.node == "node-02" }!))
        #expect(node2.value("DCGM_FI_DEV_FB_FREE", ["gpu": "0"]) == 0)
        #expect(node2.value("DCGM_FI_DEV_FB_FREE", ["gpu": "1"]) == 0)
        #expect(try #require(node2.value("DCGM_FI_DEV_FB_FREE", ["gpu": "2"])) > 0)
    }

    @Test func countersNeverDecreaseExceptAcrossARestart() async {
        let run = await SimulatorRun.make(
            SimulationOptions(scenario: .failure, seed: 8, nodes: 3, gpusPerNode: 2),
            durationMs: 720_000, intervalMs: 5_000)
        var checked = 0
        var resets = 0
        for target in run.scrapes.map(\.target).uniqued() {
            var last: (start: Double?, values: [String: Double])?
            for scrape in run.scrapes where scrape.target == target {
                guard let reader = scrape.reader else {
                    last = nil
                    continue
                }
                var values: [String: Double] = [:]
                for family in reader.page.families where [.counter, .histogram].contains(family.type) {
                    for sample in family.samples {
                        values[sample.name + "\(sample.labels.sorted.pairs.map { "\($0.name)=\($0.value)" })"] = sample.value
                    }
                }
                let start = reader.value("process_start_time_seconds")
                if let previous = last, previous.start == start {
                    for (key, value) in values {
                        if let before = previous.values[key] {
                            #expect(value >= before, "\(target.id) \(key) fell from \(before) to \(value)")
                            checked += 1
                        }
                    }
                } else if last != nil {
                    resets += 1
                }
                last = (start, values)
            }
        }
        #expect(checked > 10_000)
        #expect(resets == 0, "a restart is always seen as a gap: the target does not answer while loading")
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
