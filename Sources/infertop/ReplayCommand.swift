import ArgumentParser
import ClusterModel
import CommandSupport
import CursesTerminal
import Dashboard
import Foundation
import Ingest
import Pipeline

/// `infertop replay PATH`: the dashboard on a recording, a folder of `.prom` dumps or one `.prom` file; or,
/// with `--snapshot`, the cluster picture at one moment, printed.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a recording, a folder of .prom dumps or a .prom file.",
        discussion: """
            Keys: space pause, ← → one scrape back or forward, [ ] slower and faster (0.25× to 64×), g go to a time \
            or offset, Home and End. A dump's time comes from its file name when it holds one (epoch seconds or \
            milliseconds, or an ISO-8601 time), otherwise from its modification time. Files named by a number alone \
            (000.prom, 001.prom, …) are one target, their folder, in the order of their numbers (docs/RECORDING.md).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("A recording, a folder of .prom dumps, or a .prom file.", valueName: "path"))
    var path: String
    @Option(
        help:
            "Start at this moment: an offset from the start (12:30, 00:12:30, 90s) or an ISO-8601 time, \(ReplayMoment.rangeText).",
        transform: ReplayMoment.parse)
    var at: ReplayMoment?
    @Option(help: "Playback speed, \(FlagRange.replaySpeed.text).", transform: FlagValue.double(FlagRange.replaySpeed))
    var speed: Double = 1
    @Option(
        help: ArgumentHelp(
            "Seconds between numbered dumps (000.prom, 001.prom, …) whose files do not say when they were "
                + "taken (\(SettingRange.interval.text); default 1s).", valueName: "duration"),
        transform: FlagValue.seconds(.interval))
    var interval: Double?
    @Flag(help: "Print the cluster picture at --at (default: the end) instead of opening the dashboard.")
    var snapshot = false
    @Option(help: "With --snapshot: text or json.")
    var format: Format = .text
    @OptionGroup(title: "Display") var display: DisplayArguments

    @MainActor
    mutating func run() async throws {
        let source: ReplaySource
        do {
            source = try ReplaySource.open(path: path, numberedIntervalMs: Int64(((interval ?? 1) * 1000).rounded()))
        } catch {
            // Not a ValidationError: the message is about the file, so no usage text follows it.
            throw CommandFailure(description: "\(error)")
        }
        let startMs = at.map { source.startTimeMs.addingReportingOverflow($0.offsetMs(from: source.startTimeMs)) }
            .map { $0.overflow ? Int64.max : $0.partialValue }
        if snapshot {
            var player = ReplayPlayer(source: source, intervalMs: source.intervalMs)
            player.seek(toMs: startMs ?? source.endTimeMs)
            let notes = player.damage.map { ["\(path): \($0.description)"] } ?? []
            var snapshot = player.pipeline.latest
            snapshot.notes += source.notes
            switch format {
            case .json: print(SnapshotJSON.text(snapshot, errors: notes), terminator: "")
            case .text: print(SnapshotText.render(snapshot, errors: notes), terminator: "")
            }
            return
        }
        MallocArenas.limitToOne()
        let runner = ReplayRunner(path: path, source: source, intervalMs: source.intervalMs, speed: speed, startAtMs: startMs)
        let feed = LiveFeed(source: runner.description)
        let driver = PipelineDriver(
            pipeline: ClusterPipeline(), feed: feed, source: runner.description,
            intervalSeconds: runner.intervalSeconds)
        let player = Task.detached { try await runner.run(driver: driver, commands: feed.commands) }
        defer { player.cancel() }
        let end = try await display.show(feed, configuredTheme: nil, replay: true)
        if end != .quit { throw ExitCode(end.exitStatus) }
    }
}
