import ArgumentParser
import CommandSupport
import Exposition
import Foundation
import Ingest

/// `infertop-bench parse`: parser throughput and memory on real files, for comparison with peers.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse each file N times from memory; print MB/s, samples/s and the parse's extra memory.",
        discussion:
            "Build with `swift build -c release`. Benchmarks/compare-parsers.sh runs this beside Go's expfmt and Python's prometheus_client; scripts/bench.sh, beside Go's alone (--peer)."
    )

    private static let repeatRange = SettingRange(1, 100000, .count)
    @Option(name: .long, help: "Parses per file (\(Self.repeatRange.text)).", transform: FlagValue.int(Self.repeatRange))
    var `repeat` = 20
    @Flag(name: .long, help: "One JSON object per line.") var json = false
    @Option(
        name: .long,
        help:
            "A peer parser timed in the same run: Benchmarks/go-expfmt (Go's expfmt; `PEER FILE REPEAT` prints JSON with mb_per_s_best)."
    )
    var peer: String?
    private static let roundsRange = SettingRange(1, 1000, .count)
    @Option(
        name: .long,
        help: "With --peer: rounds of ours then the peer's, each --repeat parses; best of each (\(Self.roundsRange.text)).",
        transform: FlagValue.int(Self.roundsRange))
    var rounds = 5
    @Argument(help: "Exposition files (text 0.0.4 or OpenMetrics).") var files: [String]

    func run() throws {
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path): no such file or not readable")
            }
            let bytes = [UInt8](data)
            guard let peer else {
                let result = measure(file: path, bytes: bytes)
                print(json ? result.json : result.text)
                continue
            }
            // Alternating rounds, so that a burst of load on the shared machine hits both sides alike.
            var ours: [Double] = []
            var theirs: [Double] = []
            var last: BenchParseResult?
            for _ in 0..<rounds {
                let result = measure(file: path, bytes: bytes)
                ours.append(Double(bytes.count) / 1e6 / result.seconds[0])
                theirs.append(try Self.peerBest(peer, file: path, repeat: `repeat`))
                last = result
            }
            if let last { print(json ? last.json : last.text) }
            print(
                String(
                    format: "best of %d alternating rounds of %d parses: infertop %.1f MB/s, %@ %.1f MB/s",
                    rounds, `repeat`, BenchRow.best(ours, .higher), peer, BenchRow.best(theirs, .higher)))
            BenchRow(
                name: "parse", figure: BenchRow.best(ours, .higher), unit: "MB/s", reference: BenchRow.best(theirs, .higher),
                referenceName: "go-expfmt", better: .higher
            ).print()
        }
    }

    /// The peer's best MB/s over `repeat` in-process parses, from the JSON line it prints.
    private static func peerBest(_ peer: String, file: String, repeat: Int) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: peer)
        process.arguments = [file, String(`repeat`)]
        let output = Pipe()
        process.standardOutput = output
        do { try process.run() } catch {
            throw ValidationError("cannot run the peer \(peer): \(error); scripts/bench.sh builds it from Benchmarks/go-expfmt")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard process.terminationStatus == 0, let best = object?["mb_per_s_best"] as? Double, best > 0 else {
            throw ValidationError(
                "the peer \(peer) on \(file) exited with \(process.terminationStatus) and printed no mb_per_s_best: "
                    + String(decoding: data.prefix(200), as: UTF8.self))
        }
        return best
    }

    private func measure(file: String, bytes: [UInt8]) -> BenchParseResult {
        var timings: [Double] = []
        var page = ExpositionParser.parse(bytes)
        let clock = ContinuousClock()
        for _ in 0..<max(`repeat`, 1) {
            let start = clock.now
            page = ExpositionParser.parse(bytes)
            let elapsed = clock.now - start
            timings.append(elapsed.seconds)
        }
        let memory = PeakMemory.extraBytes { _ = ExpositionParser.parse(bytes) }
        return BenchParseResult(
            file: file, bytes: bytes.count, families: page.families.count,
            samples: page.sampleCount, errors: page.errorCount, format: page.format,
            seconds: timings.sorted(), peakExtraBytes: memory)
    }
}
