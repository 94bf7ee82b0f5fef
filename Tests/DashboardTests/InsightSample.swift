import ClusterModel
import Dashboard
import Insights

/// A fixed two-node cluster history for the insight screens: an H100 node and an A10G node serving the same
/// model, a batch that sweeps from 4 to 63 requests, KV pressure that crosses 90 %, a TTFT spike on the A10G,
/// a hot GPU, a full one, an instance that loads twice and a target that goes down. Every value is a formula
/// of the tick, so the frames are the same on every run.
enum InsightSample {
    static let gib = 1_073_741_824.0
    static let startMs: Int64 = 1_764_000_000_000
    static let llama = "meta-llama/Llama-3.1-8B-Instruct"
    static let ticks = 120

    static func gpus(_ tick: Int, instances: [EngineInstance]) -> [GPU] {
        var gpus: [GPU] = []
        for (node, type, total, clock) in [
            ("h100-0", "NVIDIA H100 80GB HBM3", 80.0, 1980.0), ("a10g-0", "NVIDIA A10G", 24.0, 1710.0),
        ] {
            for index in 0..<4 {
                let id = "\(node)/\(index)"
                let users = instances.filter { $0.gpuIDs.contains(id) }.map(\.id)
                var fraction = users.isEmpty ? 0.02 : 0.55 + Double((index * 7 + tick) % 20) / 100
                if id == "a10g-0/2" { fraction = 0.97 }
                if id == "a10g-0/1" { fraction = users.isEmpty ? 0.02 : 0.02 + 0.8 * min(1, Double(tick % 100) / 60) }
                let hot = id == "h100-0/3"
                gpus.append(
                    GPU(
                        id: id, node: node, index: index, uuid: "GPU-\(node)-\(index)", modelName: type,
                        vramUsedBytes: fraction * total * gib, vramTotalBytes: total * gib,
                        utilization: users.isEmpty ? 0.03 : 0.6 + Double((tick + index * 11) % 35) / 100,
                        temperatureC: hot ? 88 : 52 + Double((tick + index * 5) % 9),
                        powerWatts: (type.contains("H100") ? 380 : 120) + Double((tick * 7 + index * 13) % 40),
                        powerLimitWatts: type.contains("H100") ? 700 : 150,
                        smClockMHz: clock, memClockMHz: 2619, instanceIDs: users))
            }
        }
        return gpus
    }

    static func instances(_ tick: Int) -> [EngineInstance] {
        let batch = Double(4 + (tick * 7) % 60)
        let kv = min(0.97, 0.5 + Double(tick) / 85)
        let spike = tick >= 60 && tick < 90
        var list = [
            EngineInstance(
                id: "vllm-h100", target: "http://h100-0:8000/metrics", engine: .vllm, model: llama, node: "h100-0",
                running: batch, waiting: Double(tick % 5), kvCacheUsage: kv,
                ttft: Quantiles(p50: 0.12, p90: 0.3, p95: 0.42, p99: 0.9),
                itl: Quantiles(p50: 0.008 + batch * 0.0004, p90: 0.04, p95: 0.045, p99: 0.06),
                e2e: Quantiles(p50: 2.1, p95: 6.5), queueTime: Quantiles(p50: 0.01, p95: 0.2),
                promptTokensPerSecond: 4000 + batch * 20, generationTokensPerSecond: min(batch, 32) * 90,
                requestsPerSecond: 6, preemptionsPerSecond: kv > 0.95 ? 0.4 : 0, prefixCacheHitRate: 0.31,
                abortedPerSecond: 0, failedPerSecond: 0, stoppedPerSecond: 5.4, lengthLimitedPerSecond: 0.6,
                gpuIDs: ["h100-0/0", "h100-0/1"]),
            EngineInstance(
                id: "sglang-h100", target: "http://h100-0:30000/metrics", engine: .sglang,
                model: "Qwen/Qwen2.5-7B-Instruct", node: "h100-0", running: 12, waiting: 0, kvCacheUsage: 0.4,
                ttft: Quantiles(p50: 0.09, p95: 0.3), itl: Quantiles(p50: 0.011),
                generationTokensPerSecond: 1400, requestsPerSecond: 3, gpuIDs: ["h100-0/2"]),
            EngineInstance(
                id: "vllm-a10g", target: "http://a10g-0:8000/metrics", engine: .vllm, model: llama, node: "a10g-0",
                running: 8, waiting: spike ? 14 : 1, kvCacheUsage: 0.7,
                ttft: Quantiles(p50: 0.6, p95: spike ? 2.6 : 1.1), itl: Quantiles(p50: 0.034),
                generationTokensPerSecond: 310, requestsPerSecond: 1.5, gpuIDs: ["a10g-0/0"]),
        ]
        // Loads from tick 20 to 80, serves, then restarts and loads again from tick 100.
        if tick >= 20 {
            let loading = tick < 80 || tick >= 100
            list.append(
                EngineInstance(
                    id: "tgi-a10g", target: "http://a10g-0:3000/metrics", engine: .tgi, model: llama,
                    node: "a10g-0", state: loading ? .loading : .ready,
                    running: loading ? nil : 4, waiting: loading ? nil : 0,
                    generationTokensPerSecond: loading ? nil : 150, gpuIDs: ["a10g-0/1"]))
        }
        return list
    }

    static func snapshot(_ tick: Int) -> ClusterSnapshot {
        let time = startMs + Int64(tick) * 1000
        let instances = instances(tick)
        let gpus = gpus(tick, instances: instances)
        func sum(_ values: [Double?]) -> Double? {
            let known = values.compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(0, +)
        }
        let down = tick >= 110
        let targets =
            [
                TargetHealth(id: "http://h100-0:9400/metrics", up: true, lastScrapeMs: time),
                TargetHealth(
                    id: "http://a10g-0:9400/metrics", up: !down, lastScrapeMs: down ? startMs + 109_000 : time,
                    lastError: down ? "connect timeout after 2s" : nil, consecutiveFailures: down ? tick - 109 : 0),
            ] + instances.map { TargetHealth(id: $0.target, up: true, lastScrapeMs: time) }
        let totals = ClusterTotals(
            gpuCount: gpus.count, instanceCount: instances.count, vramUsedBytes: sum(gpus.map(\.vramUsedBytes)),
            vramTotalBytes: sum(gpus.map(\.vramTotalBytes)), meanUtilization: sum(gpus.map(\.utilization)).map { $0 / 8 },
            powerWatts: sum(gpus.map(\.powerWatts)), generationTokensPerSecond: sum(instances.map(\.generationTokensPerSecond)),
            running: sum(instances.map(\.running)), waiting: sum(instances.map(\.waiting)), ttft: Quantiles(p50: 0.15, p95: 0.9))
        return ClusterSnapshot(
            timeMs: time, nodes: [Node(name: "h100-0"), Node(name: "a10g-0")], gpus: gpus,
            instances: instances, targets: targets, totals: totals)
    }

    /// The frame after every tick, with its history and the alert engine fed the same snapshots.
    static func frame() -> DashboardFrame {
        var history = ClusterHistory(capacity: 900)
        var engine = AlertEngine()
        var last = snapshot(0)
        for tick in 0..<ticks {
            last = snapshot(tick)
            history.append(last)
            _ = engine.evaluate(last)
        }
        var frame = DashboardFrame(
            snapshot: last, history: history, source: "insight sample", intervalSeconds: 1, generation: ticks)
        frame.alerts = engine
        return frame
    }
}
