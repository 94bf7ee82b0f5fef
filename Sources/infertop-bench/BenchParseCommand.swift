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
            "Build with `swift build -c release`. Benchmarks/compare-parsers.sh runs this beside Go's expfmt and Python's prometheus_client."
    )

    private static let repeatRange = SettingRange(1, 100000, .count)
    @Option(name: .long, help: "Parses per file (\(Self.repeatRange.text)).", transform: FlagValue.int(Self.repeatRange))
    var `repeat` = 20
    @Flag(name: .long, help: "One JSON object per line.") var json = false
    @Argument(help: "Exposition files (text 0.0.4 or OpenMetrics).") var files: [String]

    func run() throws {
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path): no such file or not readable")
            }
            let result = measure(file: path, bytes: [UInt8](data))
            print(json ? result.json : result.text)
        }
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
