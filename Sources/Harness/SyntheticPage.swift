import Exposition
import Ingest

/// vLLM-shaped exposition pages of a chosen size (engines are added until the size is reached), with
/// seeded values, so the scrape benchmark serves realistic text of exactly the weight it claims.
package enum SyntheticPage {
    private static let ttftBuckets = [
        0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0,
        7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0,
    ]
    private static let itlBuckets = [
        0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5,
        10.0, 20.0, 40.0, 80.0,
    ]
    private static let e2eBuckets = [
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0,
        120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0,
    ]

    /// A page of about `bytes` bytes (within half an engine's worth, about 4 KB). Pages of one seed and
    /// successive `tick`s have the same lines with newer values, as successive scrapes of one exporter do:
    /// counters and histogram buckets grow, gauges move.
    package static func vllm(bytes: Int, seed: UInt64, tick: Int = 0) -> [UInt8] {
        let one = page(engines: 1, seed: seed).count
        let perEngine = page(engines: 2, seed: seed).count - one
        return page(engines: 1 + max(0, (bytes - one + perEngine / 2) / perEngine), seed: seed, tick: tick)
    }

    /// A page with `engines` engines of one model, at scrape `tick`.
    package static func page(engines: Int, seed: UInt64, tick: Int = 0) -> [UInt8] {
        var base = SeededGenerator(seed: seed)
        var moves = SeededGenerator(seed: seed &+ UInt64(tick) &* 0x9E37_79B9_7F4A_7C15)
        let ticks = Double(tick)
        var writer = ExpositionWriter(format: .text, reservingCapacity: engines * 9000)
        let labels = (0..<engines).map { Labels([Label("engine", String($0)), Label("model_name", "Qwen/Qwen2.5-7B-Instruct")]) }
        for (name, type) in [
            ("vllm:num_requests_running", MetricType.gauge), ("vllm:num_requests_waiting", .gauge),
            ("vllm:kv_cache_usage_perc", .gauge), ("vllm:prompt_tokens_total", .counter),
            ("vllm:generation_tokens_total", .counter),
        ] {
            writer.writeHeader(name: name, type: type, help: "Synthetic \(name) for the scrape benchmark.")
            for set in labels {
                let start = Double(UInt32.random(in: 0...UInt32.max, using: &base))
                let value =
                    type == .counter
                    ? start + ticks * Double(UInt16.random(in: 0...4000, using: &moves))
                    : Double(UInt8.random(in: 0...64, using: &moves))
                writer.writeSample(name: name, labels: set, value: value)
            }
        }
        for (name, bounds) in [
            ("vllm:time_to_first_token_seconds", ttftBuckets),
            ("vllm:inter_token_latency_seconds", itlBuckets),
            ("vllm:e2e_request_latency_seconds", e2eBuckets),
        ] {
            writer.writeHeader(name: name, type: .histogram, help: "Synthetic \(name) for the scrape benchmark.")
            for set in labels {
                var cumulative = 0.0
                for bound in bounds {
                    cumulative +=
                        Double(UInt16.random(in: 0...500, using: &base)) + ticks * Double(UInt8.random(in: 0...20, using: &moves))
                    writer.writeSample(
                        name: name + "_bucket", labels: set.setting("le", ExpositionWriter.formatValue(bound)),
                        value: cumulative)
                }
                writer.writeSample(name: name + "_bucket", labels: set.setting("le", "+Inf"), value: cumulative)
                writer.writeSample(name: name + "_count", labels: set, value: cumulative)
                writer.writeSample(name: name + "_sum", labels: set, value: cumulative * 0.37)
            }
        }
        return writer.bytes
    }
}
