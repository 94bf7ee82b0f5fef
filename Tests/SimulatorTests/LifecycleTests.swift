import Testing
@testable import Simulator

/// Cold starts and faults, read back through pages and target status.
@Suite struct LifecycleTests {
    /// The DCGM `FB_USED` of GPU `gpu` on `node`'s exporter page.
    private func framebufferUsed(_ simulator: ClusterSimulator, node: String, gpu: Int) -> Double? {
        let dcgm = simulator.dcgmTargets.first { $0.node == node }!
        return simulator.read(dcgm)?.value("DCGM_FI_DEV_FB_USED", ["gpu": String(gpu)])
    }

    @Test func aLoadingInstanceServesNothingWhileItsVRAMGrows() throws {
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .coldStart, seed: 4, nodes: 2,
                                                                    gpusPerNode: 4))
        // node-01 holds Llama-3.1-70B over 4 GPUs, in the second wave: it starts at 60 s.
        let late = simulator.engineTargets.first { $0.node == "node-01" }!
        simulator.advance(byMs: 30_000)
        #expect(simulator.status(of: late) == .notStarted)
        #expect(simulator.page(for: late) == nil)
        #expect(framebufferUsed(simulator, node: "node-01", gpu: 0) == 0)

        simulator.advance(toMs: SimulationOptions.epochMs + 70_000)
        #expect(simulator.status(of: late) == .loading)
        var previous = try #require(framebufferUsed(simulator, node: "node-01", gpu: 0))
        var samples = 0
        while simulator.status(of: late) == .loading {
            #expect(simulator.page(for: late) == nil)
            simulator.advance(byMs: 10_000)
            let used = try #require(framebufferUsed(simulator, node: "node-01", gpu: 0))
            #expect(used >= previous)
            previous = used
            samples += 1
        }
        // 141 GB at 1 GB/s: more than two minutes of loading.
        #expect(samples >= 12)
        #expect(simulator.status(of: late) == .starting)
        simulator.advance(byMs: 30_000)
        #expect(simulator.status(of: late) == .up)
        let reader = try #require(simulator.read(late))
        #expect(reader.value("vllm:generation_tokens_total") != nil)
    }

    @Test func failureScenarioCrashesRestartsTakesANodeDownAndThrottlesAGPU() throws {
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .failure, seed: 6))
        let crashing = simulator.engineTargets.first { $0.node == "node-00" }!
        simulator.advance(byMs: 59_000)
        let before = try #require(simulator.read(crashing))
        #expect(try #require(before.value("vllm:generation_tokens_total")) > 0)
        simulator.advance(byMs: 2_000)
        #expect(simulator.status(of: crashing) == .crashed)
        #expect(simulator.page(for: crashing) == nil)
        // Restart after 20 s, then 16 GB of weights and the start-up: serving again by 2 minutes.
        simulator.advance(toMs: SimulationOptions.epochMs + 120_000)
        #expect(simulator.status(of: crashing) == .up)
        let after = try #require(simulator.read(crashing))
        #expect(after.value("process_start_time_seconds")! > before.value("process_start_time_seconds")!)
        #expect(after.value("vllm:generation_tokens_total")! < before.value("vllm:generation_tokens_total")!)

        simulator.advance(toMs: SimulationOptions.epochMs + 240_000)
        let hotNode = simulator.dcgmTargets.last!
        let hot = try #require(simulator.read(hotNode))
        let temperatures = hot.values("DCGM_FI_DEV_GPU_TEMP")
        let clocks = hot.values("DCGM_FI_DEV_SM_CLOCK")
        #expect(temperatures[0] > temperatures[1...].max()! + 5)
        #expect(clocks[0] < clocks[1...].max()!)

        simulator.advance(toMs: SimulationOptions.epochMs + 310_000)
        let down = simulator.targets.filter { $0.node == "node-01" }
        #expect(!down.isEmpty)
        for target in down {
            #expect(simulator.status(of: target) == .nodeDown)
            #expect(simulator.page(for: target) == nil)
        }
        #expect(simulator.targets.filter { $0.node != "node-01" }.contains { simulator.page(for: $0) != nil })
        simulator.advance(toMs: SimulationOptions.epochMs + 430_000)
        #expect(simulator.page(for: down.first { $0.kind == .dcgm }!) != nil)
    }

    @Test func countersNeverDecreaseExceptAcrossARestart() {
        let run = SimulatorRun(SimulationOptions(scenario: .failure, seed: 8, nodes: 3, gpusPerNode: 2),
                               durationMs: 720_000, intervalMs: 5_000)
        var checked = 0
        var resets = 0
        for target in run.scrapes.map(\.target).uniqued() {
            var last: (start: Double?, values: [String: Double])?
            for scrape in run.scrapes where scrape.target == target {
                guard let reader = scrape.reader else { last = nil; continue }
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
