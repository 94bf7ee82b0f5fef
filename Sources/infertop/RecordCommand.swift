import ArgumentParser
import CommandSupport
import Foundation
import Ingest
import Pipeline

/// `infertop record --out FILE [SOURCE…]`: records every scrape of the sources, headless, until Ctrl-C or
/// `--duration`; replay it with `infertop replay FILE`.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record what the sources serve (the simulator when none is given) to a file, without a screen.",
        discussion:
            "The recording format is documented in docs/RECORDING.md. Stop with Ctrl-C; every scrape before the interruption stays readable."
    )

    @Option(help: ArgumentHelp("The recording to write.", valueName: "file"))
    var out: String
    @Option(
        help: ArgumentHelp(
            "Stop after this long in real time (90s, 30m, 1h; \(FlagRange.recordDuration.text)); the simulator at "
                + "--speed N records N times as much of its own time; default: until Ctrl-C.",
            valueName: "duration"), transform: FlagValue.seconds(FlagRange.recordDuration))
    var duration: Double?
    @OptionGroup var source: SourceOptions
    @OptionGroup(title: "Simulator (when no target is given)") var simulator: SimulatorArguments

    mutating func run() async throws {
        // Before the recording exists, so that a signal which finds it finds it closed cleanly.
        let stop = InterruptSignal()
        let configuration = try source.ingestConfiguration()
        let chosen = try SourceChoice.make(source: source, configuration: configuration, simulator: simulator.options)
        let recorder = ScrapeRecorder(
            path: out, sources: [chosen.description], intervalSeconds: chosen.intervalSeconds ?? 1,
            version: InfertopVersion.current)
        let driver = PipelineDriver(
            pipeline: ClusterPipeline(
                store: configuration.storeConfiguration,
                model: configuration.modelConfiguration),
            feed: nil, recorder: recorder, source: chosen.description,
            intervalSeconds: chosen.intervalSeconds)
        let task = Task { try await chosen.run(driver: driver, commands: nil) }
        let limit = duration.map { Duration.milliseconds(Int64(($0 * 1000).rounded())) }
        await stop.wait(until: limit.map { ContinuousClock.now.advanced(by: $0) })
        task.cancel()
        _ = await task.result
        try recorder.close()
        if let problem = await driver.recorderError { throw ValidationError(problem) }
        FileHandle.standardError.write(Data("recorded \(recorder.byteCount) bytes to \(out)\n".utf8))
    }
}
