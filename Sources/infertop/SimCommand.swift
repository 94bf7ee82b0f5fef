import ArgumentParser
import CommandSupport
import Foundation
import Simulator

/// `infertop sim`: the built-in cluster simulator, served over HTTP, fast-forwarded into a folder of pages,
/// or printed one page at a time.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the built-in cluster simulator: serve its targets, write a run to disk, or print a page.",
        discussion: "Scenarios:\n" + Scenario.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n")
    )

    @OptionGroup var simulator: SimulatorArguments
    @Option(help: "Serve every target over HTTP at HOST:PORT (port 0: any free port; the bound address is printed).")
    var serve: String?
    @Option(name: .customLong("sd-file"), help: "With --serve: also write a Prometheus file_sd JSON listing here.")
    var sdFile: String?
    @Option(
        help: "Virtual time to run (--out) or to run before printing (e.g. 90s, 30m, 2h; \(FlagRange.virtualTime.text)).",
        transform: FlagValue.seconds(FlagRange.virtualTime))
    var duration: Double = 0
    @Option(
        help: "Scrape interval of a --out run (\(FlagRange.simulatorInterval.text)).",
        transform: FlagValue.seconds(FlagRange.simulatorInterval))
    var interval: Double = 1
    @Option(
        help:
            "Fast-forward --duration into a recording at OUT (replay it with `infertop replay OUT`); an existing folder or a path ending in / gets OUT/<virtual-ms>/<node>_<target>.prom files instead."
    )
    var out: String?
    @Option(help: "Print the page of this target id (e.g. sim://node-00/dcgm) after --duration.")
    var target: String?
    @Flag(help: "List the targets and exit.")
    var listTargets = false

    func validate() throws {
        if out != nil && durationMs == 0 { throw ValidationError("--out needs --duration, e.g. --duration 30m") }
        if sdFile != nil && serve == nil { throw ValidationError("--sd-file only makes sense with --serve") }
    }

    private var durationMs: Int64 { Int64((duration * 1000).rounded()) }
    private var intervalMs: Int64 { max(1, Int64((interval * 1000).rounded())) }

    func run() async throws {
        var cluster = ClusterSimulator(options: simulator.options)
        if listTargets {
            for target in cluster.targets { print("\(target.id)\t\(target.path)") }
            return
        }
        if let serve {
            try await SimServe(address: serve, sdFile: sdFile, simulator: cluster).run()
        } else if let out, SimRecord.isRecordingPath(out) {
            try SimRecord(path: out, durationMs: durationMs, intervalMs: intervalMs).run(&cluster)
        } else if let out {
            try SimFastForward(
                folder: out, durationMs: durationMs,
                intervalMs: intervalMs
            ).run(&cluster)
        } else {
            cluster.advance(byMs: durationMs)
            let id = target ?? cluster.targets.first?.id ?? ""
            guard let chosen = cluster.targets.first(where: { $0.id == id }) else {
                throw ValidationError("no target \(id); --list-targets shows them")
            }
            guard let page = cluster.page(for: chosen) else {
                throw SimError(
                    "\(id) does not answer after \(durationMs / 1000) s of the "
                        + "\(simulator.scenario.rawValue) scenario: it is \(cluster.status(of: chosen).rawValue); "
                        + "try another --duration or --target")
            }
            FileHandle.standardOutput.write(Data(page))
        }
    }
}
