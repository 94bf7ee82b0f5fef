import Exposition
import Ingest

/// The synthetic cluster `infertop-bench recording` records: per node one DCGM-exporter page and some vLLM
/// pages, regenerated every tick with counters that grow, histograms that fill and gauges that wander, so
/// that deltas between scrapes are as small — and as large — as on a real cluster. Seeded and reproducible.
struct BenchRecordingCluster {
    private struct GPU {
        var labels: Labels
        var util = 50.0, memory = 40_000.0, temperature = 60.0, power = 300.0, energy = 1e9
    }

    private struct Engine {
        var labels: Labels
        var running = 20.0, waiting = 2.0, kv = 0.5
        var prompt = 1e7, generated = 3e6, finished = 1e5, preempted = 10.0
        var ttft = [Double](repeating: 0, count: BenchRecordingCluster.ttftBounds.count + 1), ttftSum = 0.0
        var itl = [Double](repeating: 0, count: BenchRecordingCluster.itlBounds.count + 1), itlSum = 0.0
    }

    static let ttftBounds = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]
    static let itlBounds = [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10]

    private var gpus: [[GPU]] = []
    private var engines: [[Engine]] = []
    private var state: UInt64

    init(nodes: Int, gpusPerNode: Int, vllmPerNode: Int, seed: UInt64) {
        state = seed
        for node in 0..<nodes {
            let host = "gpu-node-\(String(format: "%04d", node))"
            gpus.append(
                (0..<gpusPerNode).map { g in
                    GPU(labels: [
                        "gpu": "\(g)", "UUID": "GPU-\(String(format: "%08x", node * 64 + g))-4ae8-fa8a-e669",
                        "pci_bus_id": "00000000:\(String(format: "%02X", 0x18 + g * 16)):00.0",
                        "device": "nvidia\(g)", "modelName": "NVIDIA H100 80GB HBM3", "Hostname": host,
                        "DCGM_FI_DRIVER_VERSION": "560.35.03",
                    ])
                })
            engines.append(
                (0..<vllmPerNode).map { k in
                    Engine(labels: ["model_name": "meta-llama/Llama-3.1-70B-Instruct", "engine": "\(k)"])
                })
        }
    }

    /// One scrape of every target.
    mutating func tick() -> [RecordedScrape] {
        var out: [RecordedScrape] = []
        for node in gpus.indices {
            let host = "gpu-node-\(String(format: "%04d", node))"
            out.append(
                RecordedScrape(
                    target: "http://\(host):9400/metrics", timeMs: 0, durationSeconds: 0,
                    bytes: dcgmPage(node)))
            for k in engines[node].indices {
                out.append(
                    RecordedScrape(
                        target: "http://\(host):\(8000 + k)/metrics", timeMs: 0, durationSeconds: 0,
                        bytes: vllmPage(node, k)))
            }
        }
        return out
    }

    private mutating func dcgmPage(_ node: Int) -> [UInt8] {
        for g in gpus[node].indices {
            var gpu = gpus[node][g]
            gpu.util = wander(gpu.util, by: 8, in: 0...100)
            gpu.memory = wander(gpu.memory, by: 300, in: 1000...81_000)
            gpu.temperature = wander(gpu.temperature, by: 1, in: 30...90)
            gpu.power = wander(gpu.power, by: 15, in: 60...700)
            gpu.energy += gpu.power * 1000
            gpus[node][g] = gpu
        }
        var w = ExpositionWriter(format: .text, reservingCapacity: 16_384)
        let list = gpus[node]
        func gauge(_ name: String, _ help: String, _ value: (GPU) -> Double) {
            w.writeHeader(name: name, type: .gauge, help: help)
            for gpu in list { w.writeSample(name: name, labels: gpu.labels, value: value(gpu)) }
        }
        gauge("DCGM_FI_DEV_SM_CLOCK", "SM clock frequency (in MHz).") { 1500 + ($0.util * 4).rounded() }
        gauge("DCGM_FI_DEV_MEM_CLOCK", "Memory clock frequency (in MHz).") { _ in 2619 }
        gauge("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).") { $0.temperature.rounded() }
        gauge("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).") { ($0.power * 1000).rounded() / 1000 }
        w.writeHeader(
            name: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", type: .counter,
            help: "Total energy consumption since boot (in mJ).")
        for gpu in list {
            w.writeSample(name: "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", labels: gpu.labels, value: gpu.energy.rounded())
        }
        gauge("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).") { $0.util.rounded() }
        gauge("DCGM_FI_DEV_MEM_COPY_UTIL", "Memory utilization (in %).") { ($0.util * 0.6).rounded() }
        gauge("DCGM_FI_DEV_FB_FREE", "Framebuffer memory free (in MiB).") { 81_559 - $0.memory.rounded() }
        gauge("DCGM_FI_DEV_FB_USED", "Framebuffer memory used (in MiB).") { $0.memory.rounded() }
        gauge("DCGM_FI_DEV_XID_ERRORS", "Value of the last XID error encountered.") { _ in 0 }
        gauge("DCGM_FI_PROF_GR_ENGINE_ACTIVE", "Ratio of time the graphics engine is active.") { $0.util / 100 }
        gauge("DCGM_FI_PROF_DRAM_ACTIVE", "Ratio of cycles the device memory interface is active.") { $0.util / 170 }
        w.finish()
        return w.bytes
    }

    private mutating func vllmPage(_ node: Int, _ k: Int) -> [UInt8] {
        var e = engines[node][k]
        e.running = wander(e.running, by: 3, in: 0...256).rounded()
        e.waiting = wander(e.waiting, by: 2, in: 0...64).rounded()
        e.kv = wander(e.kv, by: 0.03, in: 0...1)
        let requests = Int(unit() * 6)
        for _ in 0..<requests {
            let ttft = 0.02 + unit() * unit() * 2
            let itl = 0.01 + unit() * 0.2
            e.ttft[Self.ttftBounds.firstIndex { ttft <= $0 } ?? Self.ttftBounds.count] += 1
            e.itl[Self.itlBounds.firstIndex { itl <= $0 } ?? Self.itlBounds.count] += 1
            e.ttftSum += ttft
            e.itlSum += itl
            e.prompt += (unit() * 2000).rounded()
            e.generated += (unit() * 400).rounded()
            e.finished += 1
        }
        if unit() < 0.01 { e.preempted += 1 }
        engines[node][k] = e
        var w = ExpositionWriter(format: .text, reservingCapacity: 16_384)
        func one(_ name: String, _ type: MetricType, _ help: String, _ value: Double) {
            w.writeHeader(name: name, type: type, help: help)
            w.writeSample(name: name, labels: e.labels, value: value)
        }
        one("vllm:num_requests_running", .gauge, "Number of requests in model execution batches.", e.running)
        one("vllm:num_requests_waiting", .gauge, "Number of requests waiting to be processed.", e.waiting)
        one("vllm:kv_cache_usage_perc", .gauge, "KV-cache usage. 1 means 100 percent usage.", e.kv)
        one("vllm:prompt_tokens_total", .counter, "Number of prefill tokens processed.", e.prompt)
        one("vllm:generation_tokens_total", .counter, "Number of generation tokens processed.", e.generated)
        one("vllm:request_success_total", .counter, "Count of successfully processed requests.", e.finished)
        one("vllm:num_preemptions_total", .counter, "Cumulative number of preemption from the engine.", e.preempted)
        histogram(
            &w, "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.",
            e.labels, Self.ttftBounds, e.ttft, e.ttftSum)
        histogram(
            &w, "vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
            e.labels, Self.itlBounds, e.itl, e.itlSum)
        w.finish()
        return w.bytes
    }

    private func histogram(
        _ w: inout ExpositionWriter, _ name: String, _ help: String, _ labels: Labels,
        _ bounds: [Double], _ counts: [Double], _ sum: Double
    ) {
        w.writeHeader(name: name, type: .histogram, help: help)
        var cumulative = 0.0
        for (i, bound) in bounds.enumerated() {
            cumulative += counts[i]
            w.writeSample(
                name: name + "_bucket", labels: labels.setting("le", ExpositionWriter.formatValue(bound)),
                value: cumulative)
        }
        cumulative += counts[bounds.count]
        w.writeSample(name: name + "_bucket", labels: labels.setting("le", "+Inf"), value: cumulative)
        w.writeSample(name: name + "_sum", labels: labels, value: sum)
        w.writeSample(name: name + "_count", labels: labels, value: cumulative)
    }

    /// A random walk step, kept inside `range`.
    private mutating func wander(_ value: Double, by step: Double, in range: ClosedRange<Double>) -> Double {
        min(max(value + (unit() * 2 - 1) * step, range.lowerBound), range.upperBound)
    }

    /// SplitMix64 in [0, 1).
    private mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}
