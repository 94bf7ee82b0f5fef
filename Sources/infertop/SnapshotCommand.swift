import ArgumentParser
import ClusterModel
import Foundation

/// `infertop snapshot`: prints the cluster picture built from exposition pages, without a terminal UI,
/// for scripts and tests. Successive pages of one target (in time order) give rates and quantiles.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the cluster picture (text or JSON) built from exposition files.",
        discussion: """
        A source is a file, '-' for stdin, or TARGET=PATH to name its target: pages of one target, given in \
        time order, yield rates and windowed quantiles (e.g. vllm=t0.prom vllm=t1.prom). A page's time is \
        its newest sample timestamp when it has one, else --interval after the target's previous page. \
        The JSON shape is documented in docs/MODEL.md. Exit status 1 when any source had an error; the \
        others still print.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Seconds between successive pages of one target that carry no timestamps.")
    var interval: Double = 1

    @Option(name: .long, help: "Rate and quantile window in seconds (default: two intervals).")
    var window: Double?

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Explicit node of a target: TARGET=NODE.", valueName: "target=node"))
    var node: [String] = []

    @Argument(help: ArgumentHelp("Exposition files, '-' (stdin) or TARGET=PATH.", valueName: "source"))
    var sources: [String]

    func validate() throws {
        guard interval > 0, interval.isFinite else { throw ValidationError("--interval must be a positive number of seconds") }
        if let window, !(window > 0 && window.isFinite) { throw ValidationError("--window must be a positive number of seconds") }
        guard !sources.isEmpty else { throw ValidationError("give at least one source: a file, '-' or TARGET=PATH") }
    }

    func run() throws {
        let intervalMs = Int64((interval * 1000).rounded())
        var nodes: [String: String] = [:]
        for pair in node {
            let (target, name) = PageInput.split(argument: pair)
            guard target != name else { throw ValidationError("--node wants TARGET=NODE, got '\(pair)'") }
            nodes[target] = name
        }
        let model = ModelConfiguration(rateWindowMs: window.map { Int64(($0 * 1000).rounded()) } ?? 2 * intervalMs,
                                       targetNodes: nodes)
        let (inputs, readErrors) = SnapshotSources(arguments: sources).read()
        let loader = PageLoader(intervalMs: intervalMs, startMs: Self.startMs(pages: inputs, intervalMs: intervalMs),
                                modelConfiguration: model)
        let result = loader.load(inputs)
        let errors = readErrors + result.errors
        switch format {
        case .json: print(SnapshotJSON.text(result.snapshot, errors: errors), terminator: "")
        case .text: print(SnapshotText.render(result.snapshot), terminator: "")  // errors go to stderr below
        }
        for error in errors { FileHandle.standardError.write(Data("infertop snapshot: \(error)\n".utf8)) }
        if !errors.isEmpty { throw ExitCode(1) }
    }

    /// Untimed pages end at the current time: the last page of the longest run is "now".
    private static func startMs(pages: [PageInput], intervalMs: Int64) -> Int64 {
        let counts = Dictionary(grouping: pages, by: \.target).values.map(\.count).max() ?? 1
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        return now - Int64(max(0, counts - 1)) * intervalMs
    }
}
