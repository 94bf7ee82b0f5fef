import ClusterModel

/// Hand-built snapshots for the tests: a few GPUs and instances with just the fields a test sets.
enum SnapshotBuilder {
    static let gib = 1024.0 * 1024 * 1024

    static func gpu(
        _ node: String, _ index: Int, type: String = "NVIDIA H100 80GB HBM3", vram: Double? = 0.5,
        util: Double? = 0.8, temp: Double? = 60, power: Double? = 400, clock: Double? = 1980,
        instances: [String] = [], stale: Bool = false
    ) -> GPU {
        GPU(
            id: "\(node)/\(index)", node: node, index: index, modelName: type,
            vramUsedBytes: vram.map { $0 * 80 * gib }, vramTotalBytes: 80 * gib, utilization: util,
            temperatureC: temp, powerWatts: power, smClockMHz: clock, instanceIDs: instances, stale: stale)
    }

    static func instance(
        _ id: String, node: String = "n1", model: String? = "meta-llama/Llama-3.1-8B-Instruct",
        engine: EngineKind = .vllm, state: InstanceState = .ready, running: Double? = 8,
        waiting: Double? = 0, kv: Double? = 0.3, ttftP95: Double? = 0.4, itlP50: Double? = 0.02,
        tps: Double? = 1000, preemptions: Double? = 0, gpus: [String] = [],
        restartedAtMs: Int64? = nil
    ) -> EngineInstance {
        EngineInstance(
            id: id, target: "http://\(node):8000/metrics", engine: engine, model: model, node: node,
            state: state, running: running, waiting: waiting, kvCacheUsage: kv,
            ttft: Quantiles(p50: ttftP95.map { $0 / 2 }, p95: ttftP95), itl: Quantiles(p50: itlP50),
            generationTokensPerSecond: tps, preemptionsPerSecond: preemptions, gpuIDs: gpus,
            restartedAtMs: restartedAtMs)
    }

    static func snapshot(
        _ seconds: Double, gpus: [GPU] = [], instances: [EngineInstance] = [],
        targets: [TargetHealth] = []
    ) -> ClusterSnapshot {
        ClusterSnapshot(timeMs: 1_000_000 + Int64(seconds * 1000), gpus: gpus, instances: instances, targets: targets)
    }
}
