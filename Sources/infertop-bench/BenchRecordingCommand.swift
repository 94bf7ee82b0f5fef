import ArgumentParser
import CommandSupport
import Exposition
import Foundation
import Ingest

/// `infertop-bench recording`: how large a recording of a GPU cluster is, how fast it replays and how fast
/// it seeks — the numbers behind the recording format's goals (≤ 50 MB per hour of 64 GPUs, replay ≥ 3600×
/// real time, seek ≤ 50 ms).
struct BenchRecordingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recording",
        abstract: "Record a synthetic cluster for an hour, then print size per GPU-hour, replay speed and seek latency.",
        discussion: """
            Pages are DCGM-exporter and vLLM-like exposition text written with ExpositionWriter: counters grow, \
            histograms fill, gauges wander (seeded). Or pass --dumps DIR, where DIR/0, DIR/1, … each hold one \
            scrape of every target (e.g. `for t in $(seq 0 299); do python3 gen_exposition.py --nodes 8 --gpus 8 \
            --tick $t --interval 1 --split DIR/$t; done`). Build with `swift build -c release`.
            """
    )

    @Option(
        help: "Nodes in the synthetic cluster (\(FlagRange.simulatedNodes.text)).",
        transform: FlagValue.int(FlagRange.simulatedNodes)) var nodes = 8
    @Option(help: "GPUs per node (\(FlagRange.gpusPerNode.text)).", transform: FlagValue.int(FlagRange.gpusPerNode)) var gpus = 8
    private static let vllmPerNodeRange = SettingRange(0, 64, .count)
    @Option(help: "vLLM instances per node (\(Self.vllmPerNodeRange.text)).", transform: FlagValue.int(Self.vllmPerNodeRange))
    var vllmPerNode = 2
    private static let secondsRange = SettingRange(1, 86400, .count)
    @Option(
        help: "Seconds recorded, one scrape of every target per second (\(Self.secondsRange.text)).",
        transform: FlagValue.int(Self.secondsRange)) var seconds = 3600
    private static let keyframeSecondsRange = SettingRange(1, 3600, .count)
    @Option(
        help: "Keyframe interval in seconds (\(Self.keyframeSecondsRange.text)).",
        transform: FlagValue.int(Self.keyframeSecondsRange)) var keyframeSeconds = 60
    private static let seeksRange = SettingRange(0, 100000, .count)
    @Option(help: "Seeks to time (\(Self.seeksRange.text)).", transform: FlagValue.int(Self.seeksRange)) var seeks = 200
    @Option(help: "Folder of tick subfolders of .prom files to record instead of the synthetic cluster.")
    var dumps: String?
    @Option(help: "Keep the recording at this path (default: a temporary file, deleted).") var out: String?

    func run() throws {
        let path =
            out
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("infertop-bench-\(getpid()).rec").path
        defer { if out == nil { try? FileManager.default.removeItem(atPath: path) } }
        let clock = ContinuousClock()
        let start: Int64 = 1_767_225_600_000
        let header = RecordingHeader(
            infertopVersion: InfertopVersion.current, sources: ["bench"],
            intervalSeconds: 1, startTimeMs: start)
        let writer = try RecordingWriter(
            path: path, header: header,
            options: RecordingOptions(keyframeIntervalMs: Int64(keyframeSeconds) * 1000))
        var cluster = BenchRecordingCluster(nodes: nodes, gpusPerNode: gpus, vllmPerNode: vllmPerNode, seed: 42)
        let ticks = try dumps.map(Self.loadTicks)
        let gpuCount = (ticks?.first.map { $0.filter { $0.target.contains("dcgm") }.count } ?? nodes) * gpus
        var rawBytes = 0
        var pages = 0
        var writeTime = Duration.zero
        for second in 0..<seconds {
            let scrapes = ticks.map { $0[second % $0.count] } ?? cluster.tick()
            for (i, scrape) in scrapes.enumerated() {
                let began = clock.now
                try writer.appendScrape(
                    target: scrape.target, timeMs: start + Int64(second) * 1000 + Int64(i),
                    durationSeconds: 0.004, bytes: scrape.bytes)
                writeTime += clock.now - began
                rawBytes += scrape.bytes.count
                pages += 1
            }
        }
        try writer.close()
        let size = writer.byteCount
        let hours = Double(seconds) / 3600
        print(
            "recording: \(pages) scrapes of \(pages / max(seconds, 1)) targets over \(seconds) s, "
                + "\(mb(rawBytes)) of exposition text, keyframe every \(keyframeSeconds) s")
        if ticks == nil { print("cluster: \(nodes) nodes × \(gpus) GPUs = \(gpuCount) GPUs, \(vllmPerNode) vLLM per node") }
        print("write: \(ms(writeTime)) ms total, \(Int(Double(pages) / seconds(writeTime))) scrapes/s")
        print(
            "size: \(mb(size)) (\(String(format: "%.1f", Double(rawBytes) / Double(size)))× smaller), "
                + "\(mb(Int(Double(size) / hours))) per hour, "
                + "\(String(format: "%.3f", Double(size) / hours / Double(max(gpuCount, 1)) / 1e6)) MB per GPU-hour")

        var reader: RecordingReader?
        let open = clock.measure { reader = try? RecordingReader(path: path) }
        guard let reader else { throw ValidationError("cannot reopen \(path)") }
        // The best of three scans: one scan of a short recording is a single timing, easily hit by other work.
        var scans: [Duration] = []
        for _ in 0..<3 {
            var replayed = 0
            var replayedBytes = 0
            scans.append(
                clock.measure {
                    var iterator = reader.events()
                    while let event = iterator.next() {
                        if case .scrape(let s) = event { replayedBytes += s.bytes.count }
                        replayed += 1
                    }
                })
            guard replayed == pages, replayedBytes == rawBytes else {
                throw ValidationError("replay gave \(replayed) scrapes, \(replayedBytes) bytes; wrote \(pages), \(rawBytes)")
            }
        }
        let scan = scans.min()!
        print("open: \(ms(open)) ms")
        print(
            "replay (best of 3): \(ms(scan)) ms for every scrape, byte for byte = "
                + "\(Int(Double(seconds) / seconds(scan)))× real time, \(mb(Int(Double(rawBytes) / seconds(scan))))/s "
                + "(goal ≥ 3600×)")

        var generator = SystemRandomNumberGenerator()
        var latencies: [Duration] = []
        for _ in 0..<max(seeks, 1) {
            let time = start + Int64.random(in: 0..<(Int64(seconds) * 1000), using: &generator)
            latencies.append(clock.measure { _ = reader.seek(toMs: time) })
        }
        latencies.sort()
        print(
            "seek: \(latencies.count) random seeks: median \(ms(latencies[latencies.count / 2])) ms, "
                + "p99 \(ms(latencies[latencies.count * 99 / 100])) ms, max \(ms(latencies.last!)) ms (goal ≤ 50 ms)")
        // Against the goals (no other tool replays this format): the scan in multiples of real time, the seek at
        // its 99th percentile, since one seek in a hundred caught by the shared machine's other work says little.
        BenchRow(
            name: "replay", figure: Double(seconds) / seconds(scan), unit: "x_real_time", reference: 3600, referenceName: "goal",
            better: .higher
        ).print()
        BenchRow(
            name: "seek", figure: latencies[latencies.count * 99 / 100].milliseconds, unit: "ms", reference: 50,
            referenceName: "goal", better: .lower
        ).print()
    }

    private static func loadTicks(_ folder: String) throws -> [[RecordedScrape]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).compactMap(Int.init).sorted()
        guard !names.isEmpty else { throw ValidationError("\(folder) holds no tick folders named 0, 1, …") }
        return try names.map { tick in
            let sub = "\(folder)/\(tick)"
            return try FileManager.default.contentsOfDirectory(atPath: sub).filter { $0.hasSuffix(".prom") }.sorted()
                .map {
                    RecordedScrape(
                        target: $0, timeMs: 0, durationSeconds: 0,
                        bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(sub)/\($0)"))))
                }
        }
    }

    private func seconds(_ d: Duration) -> Double {
        max(d.seconds, 1e-9)
    }

    private func ms(_ d: Duration) -> String { String(format: "%.2f", seconds(d) * 1000) }

    private func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
}
