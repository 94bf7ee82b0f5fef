import ArgumentParser
import ClusterModel
import CommandSupport
import Formatting
import Foundation
import Ingest
import Pipeline
import Simulator

/// `infertop snapshot`: prints the cluster picture, without a terminal UI, for scripts and tests — from
/// exposition files, live targets, a Prometheus server, a recording or the simulator.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the cluster picture (text or JSON) of files, live targets, Prometheus, a recording or the simulator.",
        discussion: """
            Sources, one kind at a time: exposition files ('-' for stdin, TARGET=PATH to name the target; pages of \
            one target in time order give rates, e.g. vllm=t0.prom vllm=t1.prom); live targets (URLs, host:port, \
            file:///path, --config, --file-sd), scraped --rounds times --interval apart so that rates have two \
            reads; --prometheus URL, asked once for aggregates (rates over --window, computed by the server); a recording or a \
            folder of .prom dumps, at its end or --at; or --sim, the simulator after --at of virtual time (60 s). \
            The JSON shape is documented in docs/MODEL.md. Exit status 1 when any source had an error; the others \
            still print.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text
    @Option(
        name: .long,
        help:
            "Rate and quantile window in seconds (\(FlagRange.window.text); default: the time each target's files cover, the rounds' span and half an interval for targets, 10 s for Prometheus and the simulator).",
        transform: FlagValue.seconds(FlagRange.window))
    var window: Double?
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Explicit node of a target: TARGET=NODE.", valueName: "target=node"))
    var node: [String] = []
    @Option(
        help: "Rounds of scrapes of live targets, --interval apart (rates need 2; \(FlagRange.rounds.text)).",
        transform: FlagValue.int(FlagRange.rounds))
    var rounds = 2
    @Option(
        help: ArgumentHelp(
            "A recording's moment (offset from its start, or an ISO-8601 time, \(ReplayMoment.rangeText); "
                + "default its end), or the virtual time run by --sim (\(FlagRange.virtualTime.text); default 60s)."),
        transform: ReplayMoment.parse)
    var at: ReplayMoment?
    @Flag(help: "Snapshot the built-in simulator (options below).")
    var sim = false
    @OptionGroup var source: SourceOptions
    @OptionGroup(title: "Simulator (with --sim)") var simulator: SimulatorArguments

    func validate() throws {
        if sim && (!source.targets.isEmpty || source.namesSource) {
            throw ValidationError("--sim takes no other source; drop the targets, --prometheus or --file-sd")
        }
        // Only live targets use the file, but a file named on the command line is checked whatever the source, so
        // that a bad one is never silently ignored.
        if source.config != nil { _ = try source.ingestConfiguration() }
    }

    func run() async throws {
        let result: SnapshotResult
        if sim {
            result = try simulate()
        } else {
            let kind = try SnapshotSources(arguments: source.targets).kind()
            if case .live = kind {
            } else if source.prometheus != nil || !source.fileSD.isEmpty {
                throw ValidationError(
                    "a snapshot reads one kind of source at a time: files or a recording, or "
                        + "--prometheus / --file-sd, not both")
            }
            switch kind {
            case .pages(let arguments): result = try pages(arguments)
            case .recording(let path): result = try replay(path)
            case .live(let addresses):
                var options = source
                options.targets = addresses
                let configuration = try options.ingestConfiguration()
                if let warning = configuration.tlsWarning {
                    FileHandle.standardError.write(Data("infertop snapshot: warning: \(warning)\n".utf8))
                }
                let model = try model(configuration.modelConfiguration, defaultWindowMs: roundsWindowMs(configuration))
                result = try await SnapshotLive(configuration: configuration, model: model, rounds: rounds).take()
            }
        }
        switch format {
        case .json: print(SnapshotJSON.text(result.snapshot, errors: result.errors, source: result.source), terminator: "")
        case .text: print(SnapshotText.render(result.snapshot), terminator: "")  // errors go to stderr below
        }
        for error in result.errors { FileHandle.standardError.write(Data("infertop snapshot: \(error)\n".utf8)) }
        for warning in result.warnings { FileHandle.standardError.write(Data("infertop snapshot: warning: \(warning)\n".utf8)) }
        if result.failed { throw ExitCode(1) }
    }

    /// `--interval` for sources that are not configured live targets (files, the simulator); default 1 s.
    private func intervalMs() -> Int64 {
        max(1, Int64(((source.interval ?? 1) * 1000).rounded()))
    }

    /// The rate window when rates come from the rounds alone: their span and half an interval, so that the
    /// first round lies inside it whatever the jitter, and the Prometheus-style extrapolation to the window's
    /// start covers only that half interval (a 10 s window over two reads 1 s apart would give a seventh of
    /// the rate, as Prometheus' `rate()` would). nil for a Prometheus server, whose history holds the window.
    private func roundsWindowMs(_ configuration: IngestConfiguration) -> Int64? {
        if configuration.prometheus != nil { return nil }
        return Int64(((Double(max(rounds - 1, 1)) + 0.5) * configuration.intervalSeconds * 1000).rounded())
    }

    /// The model settings: `--window` and `--node` on top of `base`.
    private func model(_ base: ModelConfiguration, defaultWindowMs: Int64? = nil) throws -> ModelConfiguration {
        var model = base
        if let windowMs = window.map({ Int64(($0 * 1000).rounded()) }) ?? defaultWindowMs { model.rateWindowMs = windowMs }
        for pair in node {
            let (target, name) = PageInput.split(argument: pair)
            guard target != name else { throw ValidationError("--node wants TARGET=NODE, got '\(pair)'") }
            model.targetNodes[target] = name
        }
        return model
    }

    private func pages(_ arguments: [String]) throws -> SnapshotResult {
        let intervalMs = intervalMs()
        let (inputs, readErrors) = SnapshotSources.read(pages: arguments)
        var loader = PageLoader(
            intervalMs: intervalMs, startMs: Self.startMs(pages: inputs, intervalMs: intervalMs),
            modelConfiguration: try model(ModelConfiguration()))
        // Without --window, a rate is the increase over the time a target's pages cover.
        loader.ratesOverPages = window == nil
        let loaded = loader.load(inputs)
        return SnapshotResult(snapshot: loaded.snapshot, errors: readErrors + loaded.errors)
    }

    /// A recording (or a folder of dumps) played to `--at` or its end; damage is reported but is no failure.
    private func replay(_ path: String) throws -> SnapshotResult {
        let opened: ReplaySource
        do { opened = try ReplaySource.open(path: path, numberedIntervalMs: intervalMs()) } catch {
            throw CommandFailure(description: "\(error)")
        }
        var player = ReplayPlayer(
            source: opened, intervalMs: opened.intervalMs,
            modelConfiguration: try model(ModelConfiguration()))
        player.seek(toMs: at.map { opened.startTimeMs + $0.offsetMs(from: opened.startTimeMs) } ?? opened.endTimeMs)
        var snapshot = player.pipeline.latest
        snapshot.notes += opened.notes
        return SnapshotResult(
            snapshot: snapshot, errors: player.damage.map { ["\(path): \($0.description)"] } ?? [],
            failed: false)
    }

    /// The simulator run for `--at` of virtual time (60 s by default), read in process every interval.
    private func simulate() throws -> SnapshotResult {
        let intervalMs = intervalMs()
        var simulator = ClusterSimulator(options: simulator.options)
        let virtualMs = at?.offsetMs(from: 0) ?? 60_000
        guard FlagRange.virtualTime.contains(Double(virtualMs) / 1000) else {
            throw ValidationError(
                "--at with --sim: expected \(FlagRange.virtualTime.text) of virtual time, got "
                    + Formatting.Format.duration(Double(virtualMs) / 1000))
        }
        let endMs = simulator.nowMs + virtualMs
        var configuration = IngestConfiguration()
        configuration.intervalSeconds = Double(intervalMs) / 1000
        var collector = SnapshotCollector(
            pipeline: ClusterPipeline(
                store: configuration.storeConfiguration,
                model: try model(ModelConfiguration())))
        repeat {
            simulator.advance(byMs: intervalMs)
            collector.add(SimulatorSource.scrapes(of: simulator))
        } while simulator.nowMs < endMs
        // Targets the scenario has down are part of the picture (shown down), not a failure of the command.
        return SnapshotResult(snapshot: collector.pipeline.latest, errors: [])
    }

    /// Untimed pages end at the current time: the last page of the longest run is "now".
    private static func startMs(pages: [PageInput], intervalMs: Int64) -> Int64 {
        let counts = Dictionary(grouping: pages, by: \.target).values.map(\.count).max() ?? 1
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        return now - Int64(max(0, counts - 1)) * intervalMs
    }
}
