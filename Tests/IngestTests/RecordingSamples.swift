import Exposition
import Foundation
import TestSupport

@testable import Ingest

/// Deterministic inputs for the recording tests: exposition pages whose counters grow and gauges wander
/// (written with `ExpositionWriter`, so they are valid text), and temporary files that clean up after
/// themselves.
struct RecordingSamples {
    /// The seeded generator of the samples (TestSupport's SplitMix64).
    typealias Random = SplitMix

    /// A GPU-exporter-like page for `gpus` GPUs at tick `tick`: counters grow with the tick, gauges move.
    static func page(target: Int, tick: Int, gpus: Int = 4, random: inout Random) -> [UInt8] {
        var writer = ExpositionWriter(format: .text)
        writer.writeHeader(name: "gpu_util", type: .gauge, help: "GPU utilization (%).", unit: nil)
        for g in 0..<gpus {
            writer.writeSample(
                name: "gpu_util", labels: ["gpu": "\(g)", "host": "node-\(target)"],
                value: (random.unit() * 100).rounded(), timestampMs: nil, exemplar: nil)
        }
        writer.writeHeader(name: "gpu_mem_used_bytes", type: .gauge, help: "VRAM in use.", unit: nil)
        for g in 0..<gpus {
            writer.writeSample(
                name: "gpu_mem_used_bytes", labels: ["gpu": "\(g)", "host": "node-\(target)"],
                value: 4e10 + random.unit() * 1e9, timestampMs: nil, exemplar: nil)
        }
        writer.writeHeader(name: "requests_total", type: .counter, help: "Requests served.", unit: nil)
        writer.writeSample(
            name: "requests_total", labels: ["host": "node-\(target)"],
            value: Double(tick * 17 + target), timestampMs: nil, exemplar: nil)
        writer.finish()
        return writer.bytes
    }

    /// A mixed stream of scrapes and health changes over `targets` targets, one tick per `stepMs`.
    static func events(
        targets: Int, ticks: Int, seed: UInt64, stepMs: Int64 = 1000,
        startMs: Int64 = 1_767_225_600_000
    ) -> [RecordingEvent] {
        var random = Random(state: seed)
        var out: [RecordingEvent] = []
        for tick in 0..<ticks {
            for t in 0..<targets {
                let time = startMs + Int64(tick) * stepMs + Int64(t)
                if random.below(23) == 0 {
                    let up = random.below(2) == 0
                    out.append(
                        .health(
                            RecordedHealth(
                                target: "http://node-\(t):9400/metrics", timeMs: time, up: up,
                                error: up ? nil : "connection refused (tick \(tick))")))
                } else {
                    out.append(
                        .scrape(
                            RecordedScrape(
                                target: "http://node-\(t):9400/metrics", timeMs: time,
                                durationSeconds: random.unit() / 10,
                                bytes: page(target: t, tick: tick, random: &random))))
                }
            }
        }
        return out
    }

    static let header = RecordingHeader(
        infertopVersion: "test", sources: ["http://node-0:9400/metrics"],
        intervalSeconds: 1, startTimeMs: 1_767_225_600_000)

    /// Writes `events` to a new recording at `path`; closes it (footer and all) when `close` is true.
    static func write(
        _ events: [RecordingEvent], to path: String, header: RecordingHeader = header,
        options: RecordingOptions = RecordingOptions(), close: Bool = true
    ) throws {
        let writer = try RecordingWriter(path: path, header: header, options: options)
        for event in events {
            switch event {
            case .scrape(let s): try writer.append(s)
            case .health(let h): try writer.append(h)
            }
        }
        if close { try writer.close() }
    }

    /// Every event of a reader, and the damage that stopped it, if any.
    static func readAll(_ reader: RecordingReader) -> (events: [RecordingEvent], damage: RecordingDamage?) {
        var iterator = reader.events()
        var events: [RecordingEvent] = []
        while let e = iterator.next() { events.append(e) }
        return (events, iterator.damage)
    }
}
