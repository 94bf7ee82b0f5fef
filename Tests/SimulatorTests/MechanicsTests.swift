import Testing

@testable import Simulator

/// The mechanics the issue asks to emerge from the model, read back through the pages.
@Suite struct MechanicsTests {
    @Test func moreLoadGivesLargerBatchesLongerQueuesAndHigherTTFT() async {
        func run(_ scale: Double) async -> SimulatorRun {
            await SimulatorRun.make(
                SimulationOptions(
                    scenario: .steady, seed: 3, nodes: 1, gpusPerNode: 2,
                    loadScale: scale),
                durationMs: 120_000, intervalMs: 2_000, warmupMs: 30_000)
        }
        let light = await run(0.3)
        let heavy = await run(2.0)
        #expect(heavy.meanOverEngines("vllm:num_requests_running") > light.meanOverEngines("vllm:num_requests_running") * 2)
        #expect(heavy.meanOverEngines("vllm:num_requests_waiting") > light.meanOverEngines("vllm:num_requests_waiting") + 1)
        #expect(
            heavy.meanOfHistogram("vllm:time_to_first_token_seconds")
                > light.meanOfHistogram("vllm:time_to_first_token_seconds") * 2)
        // Larger batches: every step reads the weights once, so inter-token latency rises with the batch.
        #expect(
            heavy.meanOfHistogram("vllm:inter_token_latency_seconds")
                > light.meanOfHistogram("vllm:inter_token_latency_seconds"))
    }

    @Test func sameModelGeneratesFewerTokensPerSecondOnA10GThanOnH100() async {
        let run = await SimulatorRun.make(
            SimulationOptions(scenario: .mixedGPUs, seed: 5, nodes: 2, gpusPerNode: 1),
            durationMs: 120_000, intervalMs: 5_000, warmupMs: 30_000)
        let h100 = run.engineTargets.first { $0.node == "node-00" }!
        let a10g = run.engineTargets.first { $0.node == "node-01" }!
        let h100Tokens = run.increase(h100, "vllm:generation_tokens_total")
        let a10gTokens = run.increase(a10g, "vllm:generation_tokens_total")
        #expect(a10gTokens > 0)
        #expect(a10gTokens < h100Tokens * 0.8)
        // The slower GPU is the one that queues under the same round-robin share.
        #expect(run.meanOverEngines("vllm:num_requests_waiting") > 0)
        #expect(run.series(a10g, "vllm:num_requests_waiting").max()! > run.series(h100, "vllm:num_requests_waiting").max()!)
    }

    @Test func roofline() {
        let h100 = EngineCostModel(model: .llama31_8B, gpu: .h100, tensorParallel: 1)
        let a10g = EngineCostModel(model: .llama31_8B, gpu: .a10g, tensorParallel: 1)
        let small = h100.step(tokens: 8, contextTokens: 8 * 1000, throttle: 1)
        let large = h100.step(tokens: 64, contextTokens: 64 * 1000, throttle: 1)
        #expect(large.totalMs > small.totalMs)
        #expect(64 / large.totalMs > 8 / small.totalMs)
        #expect(a10g.step(tokens: 8, contextTokens: 8000, throttle: 1).totalMs > small.totalMs * 3)
        // Prefill of a long prompt is compute-bound.
        let prefill = h100.step(tokens: 8192, contextTokens: 0, throttle: 1)
        #expect(prefill.computeMs > prefill.memoryMs)
        #expect(h100.step(tokens: 8, contextTokens: 8000, throttle: 0.5).totalMs > small.totalMs)
    }

    /// A GPU whose engine has requests queued all through a tick was busy for all of it, even where a step (a
    /// long prefill under KV pressure) ran past the tick's end: the time past the end counts in the ticks it
    /// ran into, as DCGM counts it. Counted in the tick it began, the GPU read 100 % then 0 % at idle power.
    @Test func aGPUWhoseEngineHasWorkQueuedAllTickLongIsBusyAllTick() {
        var simulator = ClusterSimulator(
            options: SimulationOptions(scenario: .kvPressure, seed: 1, nodes: 2, gpusPerNode: 4))
        simulator.advance(byMs: 60_000)
        var checked = 0
        for _ in 0..<300 {
            let queued = simulator.instances.map { $0.phase == .ready && $0.waitingCount > 0 }
            simulator.advance(byMs: simulator.options.stepMs)
            for (index, instance) in simulator.instances.enumerated() where queued[index] && instance.waitingCount > 0 {
                for gpu in instance.gpuIndices {
                    #expect(simulator.gpus[gpu].utilization == 100, "GPU \(gpu) at \(simulator.nowMs)")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    @Test func kvUseNeverExceedsOneAndPreemptionsComeOnlyUnderPressure() async {
        let pressure = await SimulatorRun.make(
            SimulationOptions(scenario: .kvPressure, seed: 2, nodes: 2, gpusPerNode: 2),
            durationMs: 180_000, intervalMs: 2_000)
        let kv = pressure.engineTargets.flatMap { pressure.series($0, "vllm:kv_cache_usage_perc") }
        #expect(!kv.isEmpty)
        #expect(kv.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(kv.max()! > 0.9)
        let preempted = pressure.engineTargets.map { pressure.increase($0, "vllm:num_preemptions_total") }
        #expect(preempted.reduce(0, +) > 0)

        let calm = await SimulatorRun.make(
            SimulationOptions(scenario: .steady, seed: 2, nodes: 2, gpusPerNode: 2),
            durationMs: 180_000, intervalMs: 2_000)
        let calmKV = calm.engineTargets.flatMap { calm.series($0, "vllm:kv_cache_usage_perc") }
        #expect(calmKV.max()! < 0.9)
        #expect(calm.engineTargets.allSatisfy { calm.series($0, "vllm:num_preemptions_total").last == 0 })
    }

    @Test func prefixCacheHitsAreCountedAndBoundedByQueries() async {
        let run = await SimulatorRun.make(
            SimulationOptions(scenario: .steady, seed: 9, nodes: 1, gpusPerNode: 1),
            durationMs: 60_000, intervalMs: 10_000)
        let target = run.engineTargets[0]
        let hits = run.series(target, "vllm:prefix_cache_hits_total").last ?? 0
        let queries = run.series(target, "vllm:prefix_cache_queries_total").last ?? 0
        #expect(hits > 0)
        #expect(hits < queries)
        #expect(run.series(target, "vllm:prompt_tokens_by_source_total", ["source": "local_cache_hit"]).last == hits)
    }

    @Test func finishedRequestsShowTheirReasonStopLengthOrAbort() async {
        func increase(_ run: SimulatorRun, _ name: String, _ labels: [String: String] = [:]) -> Double {
            run.engineTargets.map { run.increase($0, name, labels) }.reduce(0, +)
        }
        func reason(_ run: SimulatorRun, _ reason: String) -> Double {
            increase(run, "vllm:request_success_total", ["finished_reason": reason])
        }
        let overloaded = await SimulatorRun.make(
            SimulationOptions(
                scenario: .kvPressure, seed: 4, nodes: 1,
                gpusPerNode: 2),
            durationMs: 300_000, intervalMs: 10_000)
        // Clients give up on requests that waited a minute; those never reach the latency histograms.
        #expect(reason(overloaded, "abort") > 0)
        #expect(
            reason(overloaded, "stop") + reason(overloaded, "length")
                == increase(overloaded, "vllm:e2e_request_latency_seconds_count"))

        let calm = await SimulatorRun.make(
            SimulationOptions(scenario: .steady, seed: 4, nodes: 1, gpusPerNode: 2),
            durationMs: 120_000, intervalMs: 10_000)
        #expect(reason(calm, "stop") > reason(calm, "length"))
        #expect(reason(calm, "length") > 0, "max_tokens caps some answers")
        #expect(reason(calm, "abort") == 0)
        #expect(reason(calm, "error") == 0)
    }
}
