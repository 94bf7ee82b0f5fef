import ArgumentParser
import Foundation
import Simulator

extension Scenario: ExpressibleByArgument {}

/// `infertop sim`: the built-in cluster simulator, served over HTTP, fast-forwarded into a folder of pages,
/// or printed one page at a time.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the built-in cluster simulator: serve its targets, write a run to disk, or print a page.",
        discussion: "Scenarios:\n" + Scenario.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n")
    )

    @Option(help: "Scenario: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: Scenario = .steady
    @Option(help: "Seed: the same seed and options give byte-identical pages.")
    var seed: UInt64 = 1
    @Option(help: "Number of nodes (default: the scenario's).")
    var nodes: Int?
    @Option(name: .customLong("gpus-per-node"), help: "GPUs per node (default: the scenario's).")
    var gpusPerNode: Int?
    @Option(help: "Virtual seconds per real second when serving.")
    var speed: Double = 1
    @Option(name: .customLong("load-scale"), help: "Multiply the scenario's load (0.5: half the traffic).")
    var loadScale: Double = 1
    @Option(help: "Serve every target over HTTP at HOST:PORT (port 0: any free port; the bound address is printed).")
    var serve: String?
    @Option(name: .customLong("sd-file"), help: "With --serve: also write a Prometheus file_sd JSON listing here.")
    var sdFile: String?
    @Option(help: "Virtual time to run (--out) or to run before printing (e.g. 90s, 30m, 2h).")
    var duration: SimDurationArgument = SimDurationArgument(milliseconds: 0)
    @Option(help: "Scrape interval of a --out run.")
    var interval: SimDurationArgument = SimDurationArgument(milliseconds: 1000)
    @Option(help: "Fast-forward: write OUT/<virtual-ms>/<node>_<target>.prom for every scrape (no file: no answer).")
    var out: String?
    @Option(help: "Print the page of this target id (e.g. sim/node-00/dcgm) after --duration.")
    var target: String?
    @Flag(help: "List the targets and exit.")
    var listTargets = false

    func validate() throws {
        if let nodes, nodes < 1 { throw ValidationError("--nodes must be at least 1, got \(nodes)") }
        if let gpusPerNode, gpusPerNode < 1 {
            throw ValidationError("--gpus-per-node must be at least 1, got \(gpusPerNode)")
        }
        if loadScale < 0 { throw ValidationError("--load-scale must not be negative, got \(loadScale)") }
        if speed <= 0 { throw ValidationError("--speed must be above 0, got \(speed)") }
        if out != nil && duration.milliseconds == 0 { throw ValidationError("--out needs --duration, e.g. --duration 30m") }
        if interval.milliseconds < 1 { throw ValidationError("--interval must be at least 1ms") }
        if sdFile != nil && serve == nil { throw ValidationError("--sd-file only makes sense with --serve") }
    }

    var options: SimulationOptions {
        SimulationOptions(scenario: scenario, seed: seed, nodes: nodes, gpusPerNode: gpusPerNode, speed: speed,
                          loadScale: loadScale)
    }

    func run() async throws {
        var simulator = ClusterSimulator(options: options)
        if listTargets {
            for target in simulator.targets { print("\(target.id)\t\(target.path)") }
            return
        }
        if let serve {
            try await SimServe(address: serve, sdFile: sdFile, simulator: simulator).run()
        } else if let out {
            try SimFastForward(folder: out, durationMs: duration.milliseconds,
                               intervalMs: interval.milliseconds).run(&simulator)
        } else {
            simulator.advance(byMs: duration.milliseconds)
            let id = target ?? simulator.targets.first?.id ?? ""
            guard let chosen = simulator.targets.first(where: { $0.id == id }) else {
                throw ValidationError("no target \(id); --list-targets shows them")
            }
            guard let page = simulator.page(for: chosen) else {
                throw ValidationError("\(id) does not answer at that time: it is \(simulator.status(of: chosen).rawValue)")
            }
            FileHandle.standardOutput.write(Data(page))
        }
    }
}
