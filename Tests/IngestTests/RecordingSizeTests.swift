import Exposition
import Foundation
import TestSupport
import Testing

@testable import Ingest

/// One hour of a 64-GPU cluster (8 nodes × 8 GPUs, a DCGM exporter per node and two vLLM servers per
/// node) scraped every second must fit in 50 MB. Built from the real scrapes in Tests/Fixtures, whose
/// values are moved every second — gauges wander, counters and histogram buckets grow — and measured over
/// two minutes, then scaled to the hour.
@Suite struct RecordingSizeTests {
    /// A real page whose sample values move tick by tick, leaving names, labels and comments as they are:
    /// a busy server. Half the counters (histogram buckets included) grow by up to 39 every second, float
    /// gauges wander every second, integer gauges move one second in three; `_created` timestamps and
    /// `_info` series stay, as they do on a real server.
    struct EvolvingPage {
        enum Kind { case fixed, counter, gauge }
        var lines: [(prefix: String, value: Double?, kind: Kind)]

        init(_ text: String) {
            var type = "untyped"
            lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                let s = String(line)
                if s.hasPrefix("# TYPE ") { type = String(s.split(separator: " ").last ?? "untyped") }
                guard !s.hasPrefix("#"), let space = s.lastIndex(of: " "), let v = Double(s[s.index(after: space)...])
                else { return (s, nil, .fixed) }
                let name = s.prefix { $0 != "{" && $0 != " " }
                let kind: Kind =
                    name.hasSuffix("_created") || name.hasSuffix("_info")
                    ? .fixed
                    : type == "gauge" ? .gauge : .counter
                return (String(s[...space]), v, kind)
            }
        }

        mutating func tick(_ random: inout RecordingSamples.Random) -> [UInt8] {
            for i in lines.indices {
                guard let v = lines[i].value else { continue }
                switch lines[i].kind {
                case .fixed:
                    break
                case .counter:
                    if random.below(2) == 0 { lines[i].value = v + Double(random.below(40)) }
                case .gauge:
                    let moved = v + (random.unit() - 0.5) * max(abs(v) * 0.05, 2)
                    if v != v.rounded() {
                        lines[i].value = moved
                    } else if random.below(3) == 0 {
                        lines[i].value = max(moved.rounded(), 0)
                    }
                }
            }
            return Array(
                lines.map { line in line.value.map { line.prefix + ExpositionWriter.formatValue($0) } ?? line.prefix }
                    .joined(separator: "\n").utf8)
        }
    }

    /// The DCGM fixture (one GPU) widened to `gpus` GPUs, as an exporter on an 8-GPU node prints it.
    static func dcgmNode(gpus: Int, node: Int) throws -> String {
        let text = String(decoding: try Fixtures.bytes(Fixtures.realScrape("dcgm-exporter-kops-l4.prom")), as: UTF8.self)
        return text.split(separator: "\n").flatMap { line -> [String] in
            guard !line.hasPrefix("#") else { return [String(line)] }
            return (0..<gpus).map { g in
                line.replacingOccurrences(of: "gpu=\"0\"", with: "gpu=\"\(g)\"")
                    .replacingOccurrences(of: "nvidia0", with: "nvidia\(g)")
                    .replacingOccurrences(of: "Hostname=\"", with: "Hostname=\"node\(node)-")
            }
        }.joined(separator: "\n") + "\n"
    }

    @Test func anHourOf64GPUsFitsIn50MB() throws {
        let vllm = String(decoding: try Fixtures.bytes(Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")), as: UTF8.self)
        var pages: [(String, EvolvingPage)] = []
        for node in 0..<8 {
            pages.append(("dcgm-\(node)", EvolvingPage(try Self.dcgmNode(gpus: 8, node: node))))
            pages.append(("vllm-\(node)-a", EvolvingPage(vllm)))
            pages.append(("vllm-\(node)-b", EvolvingPage(vllm)))
        }
        let folder = try TemporaryFolder("rec")
        let writer = try RecordingWriter(path: folder.path("hour.rec"), header: RecordingSamples.header)
        var random = RecordingSamples.Random(state: 64)
        let seconds = 120
        var raw = 0
        for second in 0..<seconds {
            for i in pages.indices {
                let bytes = pages[i].1.tick(&random)
                raw += bytes.count
                try writer.appendScrape(
                    target: pages[i].0, timeMs: RecordingSamples.header.startTimeMs + Int64(second * 1000),
                    durationSeconds: 0.01, bytes: bytes)
            }
        }
        try writer.close()
        let perHour = Double(writer.byteCount) * 3600 / Double(seconds)
        #expect(perHour <= 50e6, "\(perHour / 1e6) MB per hour from \(raw) bytes of pages in \(seconds) s")
        let reader = try RecordingReader(path: folder.path("hour.rec"))
        #expect(RecordingSamples.readAll(reader).events.count == seconds * pages.count)
    }
}
