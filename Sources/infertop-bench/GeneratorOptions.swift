import ArgumentParser
import CommandSupport
import Foundation
import Ingest

/// The options of the benchmarks that run gen_exposition.py for the large cluster page: the script and the page
/// size, checked the same way for each.
struct GeneratorOptions: ParsableArguments {
    @Option(name: .long, help: "The generator script.")
    var generator = "Tests/Fixtures/bench/gen_exposition.py"
    private static let sizeRange = SettingRange(1024, 1_073_741_824, .bytes)
    @Option(
        name: .long, help: "Page size passed to the generator: 10MB, 500KB, bytes (\(Self.sizeRange.text)).",
        transform: FlagValue.bytes(Self.sizeRange))
    var size = 10_000_000

    /// Fails, naming the flag, when the script is not there (run from elsewhere than the repository root).
    func validateScript() throws {
        guard FileManager.default.fileExists(atPath: generator) else {
            throw ValidationError("\(generator): no such file; run from the repository root or pass --generator")
        }
    }

    /// The cluster's pages for ticks 1…`ticks`.
    func pages(ticks: Int) throws -> BenchClusterPages {
        try BenchClusterPages(generator: generator, size: size, ticks: ticks)
    }
}
