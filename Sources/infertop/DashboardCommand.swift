import ArgumentParser
import CommandSupport
import CursesTerminal
import Dashboard
import Foundation
import Ingest
import Pipeline

/// `infertop [TARGET…]`: the live dashboard — on the built-in simulator when no target is given.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "The live dashboard (the default command): targets, a Prometheus server, or the simulator.",
        discussion: """
            With no target, no --prometheus and no --config targets, infertop runs its built-in cluster simulator.
            Keys: ? shows them all; q quits.
            """
    )

    @OptionGroup var source: SourceOptions
    @OptionGroup(title: "Simulator (when no target is given)") var simulator: SimulatorArguments
    @OptionGroup(title: "Display") var display: DisplayArguments
    @Option(help: ArgumentHelp("Also record every scrape to this file (replay it with `infertop replay`).", valueName: "file"))
    var record: String?
    @Flag(
        name: .customLong("list-themes"),
        help: "List the themes (built in, and files in ~/.config/infertop/themes/) and where each comes from, then exit.")
    var listThemes = false
    @Flag(
        name: .customLong("print-config"),
        help:
            "Print the effective configuration and where each value came from (default, file:line, flag, environment), then exit."
    )
    var printConfig = false

    func validate() throws {
        // `infertop bench …` ran the benchmarks before they moved out of the shipped binary; "bench" as a target
        // name would only fail later as an unreachable host.
        if source.targets.first == "bench" {
            let name = source.targets.dropFirst().first.map { " " + $0 } ?? ""
            throw ValidationError(
                "the benchmarks are a program of their own now: run infertop-bench\(name) "
                    + "with the same options (infertop-bench --help lists them)")
        }
    }

    @MainActor
    mutating func run() async throws {
        MallocArenas.limitToOne()
        if listThemes {
            let entries = ConfigHome.current.themes().entries()
            let width = entries.map(\.name.count).max() ?? 0
            for entry in entries { print(entry.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.origin) }
            return
        }
        let configuration = try source.ingestConfiguration()
        if printConfig {
            print(
                ConfigurationReport(
                    configuration: configuration, source: source, display: display, home: ConfigHome.current,
                    environment: ProcessInfo.processInfo.environment
                ).text)
            return
        }
        let logging = try display.startLogging()
        let chosen = try SourceChoice.make(source: source, configuration: configuration, simulator: simulator.options)
        let recorder = record.map {
            ScrapeRecorder(
                path: $0, sources: [chosen.description],
                intervalSeconds: chosen.intervalSeconds ?? 1,
                version: InfertopVersion.current)
        }
        let feed = LiveFeed(source: chosen.description)
        let alerts = try source.alertRules(of: configuration)
        let driver = PipelineDriver(
            pipeline: ClusterPipeline(
                store: configuration.storeConfiguration,
                model: configuration.modelConfiguration, alerts: alerts),
            feed: feed, recorder: recorder, source: chosen.description,
            intervalSeconds: chosen.intervalSeconds)
        let collector = Task.detached {
            do {
                try await chosen.run(driver: driver, commands: feed.commands)
            } catch {
                logging.error("source stopped: \(error)")
            }
        }
        let end: DashboardEnd
        do {
            end = try await display.show(feed, configuredTheme: configuration.theme)
        } catch {
            collector.cancel()
            try? recorder?.close()
            throw error
        }
        collector.cancel()
        // The recording is closed (its index and end written) before the process ends, whatever ended the screen.
        try recorder?.close()
        if end != .quit { throw ExitCode(end.exitStatus) }
    }
}
