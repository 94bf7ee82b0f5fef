import ClusterModel
import Dashboard

/// Fixed cluster pictures for golden frames and benchmarks-in-tests: every value is a formula of the indices,
/// so frames are identical on every run. Includes the awkward cases on purpose: a GPU over 95 % VRAM, a stale
/// GPU, absent values, a down target whose error carries an escape sequence, an instance still loading.
enum SampleCluster {
    static let gib = 1_073_741_824.0
    static let startMs: Int64 = 1_764_000_000_000

    static func gpus(nodes: Int, perNode: Int, tick: Int = 0) -> [GPU] {
        var gpus: [GPU] = []
        for n in 0..<nodes {
            for i in 0..<perNode {
                let k = n * perNode + i
                let h100 = n % 2 == 0
                let total = (h100 ? 80.0 : 24.0) * gib
                let fraction = k == 1 ? 0.97 : 0.30 + Double((k * 37 + tick * 3) % 60) / 100
                var gpu = GPU(
                    id: "node-\(n)/\(i)", node: "node-\(n)", index: i, uuid: "GPU-\(k)",
                    modelName: h100 ? "NVIDIA H100 80GB HBM3" : "NVIDIA L4",
                    vramUsedBytes: fraction * total, vramFreeBytes: (1 - fraction) * total, vramTotalBytes: total,
                    utilization: Double((k * 53 + tick * 7) % 100) / 100, temperatureC: 45 + Double((k * 13) % 48),
                    powerWatts: h100 ? 250 + Double((k * 29) % 440) : 30 + Double(k % 42),
                    powerLimitWatts: h100 ? 700 : 72, smClockMHz: 1755, memClockMHz: 2619)
                if k == 3 {
                    gpu.utilization = nil
                    gpu.temperatureC = nil
                    gpu.powerWatts = nil
                }
                if k == 6 { gpu.stale = true }
                gpus.append(gpu)
            }
        }
        return gpus
    }

    static func instances(count: Int, nodes: Int, tick: Int = 0) -> [EngineInstance] {
        let engines: [EngineKind] = [.vllm, .sglang, .tgi, .triton]
        let models = ["meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-72B-Instruct", "mistralai/Mistral-7B\u{1B}[2J"]
        let states: [InstanceState] = [.ready, .ready, .ready, .loading, .ready, .restarted, .unreachable]
        return (0..<count).map { k in
            let state = states[k % states.count]
            let serving = state == .ready || state == .restarted
            let latency = Quantiles(p50: 0.05 + Double(k % 7) / 100, p90: 0.2, p95: 0.3 + Double((k + tick) % 9) / 10, p99: 1.2)
            return EngineInstance(
                id: "http://node-\(k % nodes):\(8000 + k)/metrics", target: "http://node-\(k % nodes):\(8000 + k)/metrics",
                engine: engines[k % engines.count], model: models[k % models.count], node: "node-\(k % nodes)", state: state,
                running: serving ? Double((k * 11 + tick) % 64) : nil, waiting: serving ? Double((k * 5 + tick) % 9) : nil,
                kvCacheUsage: serving ? Double((k * 17 + tick) % 100) / 100 : nil, ttft: serving ? latency : .none,
                itl: serving ? Quantiles(p50: 0.012 + Double(k % 5) / 1000) : .none, e2e: .none, queueTime: .none,
                promptTokensPerSecond: serving ? 800 + Double((k * 97 + tick * 13) % 4000) : nil,
                generationTokensPerSecond: serving ? 300 + Double((k * 61 + tick * 17) % 1500) : nil,
                requestsPerSecond: serving ? 2 + Double(k % 5) : nil,
                preemptionsPerSecond: serving ? (k % 4 == 0 ? 0.5 : 0) : nil, prefixCacheHitRate: nil,
                abortedPerSecond: serving ? 0 : nil, failedPerSecond: serving ? (k == 2 ? 0.1 : 0) : nil,
                gpuIDs: ["node-\(k % nodes)/0"])
        }
    }

    static func targets(count: Int, nowMs: Int64) -> [TargetHealth] {
        (0..<count).map { k in
            k == 2
                ? TargetHealth(
                    id: "http://node-2:9400/metrics", up: false, lastScrapeMs: nowMs - 45_000,
                    errorCount: 0, lastError: "connect timeout after 2s\u{1B}[2J\u{07}", consecutiveFailures: 9)
                : TargetHealth(
                    id: "http://node-\(k):\(k % 2 == 0 ? 9400 : 8000)/metrics", up: true, lastScrapeMs: nowMs - 1000,
                    scrapeDurationSeconds: 0.004 + Double(k) / 1000, bytes: 20_000 + k * 3_117,
                    samples: 400 + k * 37, errorCount: k == 3 ? 1 : 0,
                    lastError: k == 3 ? "line 3, column 7: expected a value" : nil)
        }
    }

    static func snapshot(
        nodes: Int = 4, perNode: Int = 4, instances count: Int = 7, targets: Int = 6, tick: Int = 0
    ) -> ClusterSnapshot {
        let time = startMs + Int64(tick) * 1000
        let gpus = gpus(nodes: nodes, perNode: perNode, tick: tick)
        let instances = instances(count: count, nodes: nodes, tick: tick)
        func sum(_ values: [Double?]) -> Double? {
            let known = values.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(0, +)
        }
        let totals = ClusterTotals(
            gpuCount: gpus.count, instanceCount: instances.count, vramUsedBytes: sum(gpus.map(\.vramUsedBytes)),
            vramTotalBytes: sum(gpus.map(\.vramTotalBytes)),
            meanUtilization: sum(gpus.map(\.utilization)).map { $0 / Double(gpus.count) },
            powerWatts: sum(gpus.map(\.powerWatts)),
            promptTokensPerSecond: sum(instances.map(\.promptTokensPerSecond)),
            generationTokensPerSecond: sum(instances.map(\.generationTokensPerSecond)),
            requestsPerSecond: sum(instances.map(\.requestsPerSecond)), running: sum(instances.map(\.running)),
            waiting: sum(instances.map(\.waiting)), ttft: Quantiles(p50: 0.08, p95: 0.4 + Double(tick % 10) / 20))
        return ClusterSnapshot(
            timeMs: time, gpus: gpus, instances: instances, targets: self.targets(count: targets, nowMs: time),
            totals: totals)
    }

    /// A frame after `ticks` one-second snapshots, with their history.
    static func frame(nodes: Int = 4, perNode: Int = 4, instances: Int = 7, targets: Int = 6, ticks: Int = 60) -> DashboardFrame {
        var history = ClusterHistory(capacity: 900)
        var last = snapshot(nodes: nodes, perNode: perNode, instances: instances, targets: targets, tick: 0)
        for tick in 0..<ticks {
            last = snapshot(nodes: nodes, perNode: perNode, instances: instances, targets: targets, tick: tick)
            history.append(last)
        }
        return DashboardFrame(snapshot: last, history: history, source: "sample cluster", intervalSeconds: 1, generation: ticks)
    }
}
