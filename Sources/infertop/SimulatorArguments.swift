import ArgumentParser
import Simulator

/// The simulator's options, shared by every command that can run it (`infertop`, `sim`, `record`, `snapshot`).
struct SimulatorArguments: ParsableArguments {
    @Option(help: "Simulator scenario: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: Scenario = .steady
    @Option(name: .customLong("sim-seed"), help: "Simulator seed: the same seed and options give the same cluster.")
    var simSeed: UInt64 = 1
    @Option(help: "Simulated nodes (default: the scenario's).")
    var nodes: Int?
    @Option(name: .customLong("gpus-per-node"), help: "Simulated GPUs per node (default: the scenario's).")
    var gpusPerNode: Int?
    @Option(help: "Simulated seconds per real second.")
    var speed: Double = 1
    @Option(name: .customLong("load-scale"), help: "Multiply the scenario's load (0.5: half the traffic).")
    var loadScale: Double = 1

    func validate() throws {
        if let nodes, nodes < 1 { throw ValidationError("--nodes must be at least 1, got \(nodes)") }
        if let gpusPerNode, gpusPerNode < 1 { throw ValidationError("--gpus-per-node must be at least 1, got \(gpusPerNode)") }
        if loadScale < 0 { throw ValidationError("--load-scale must not be negative, got \(loadScale)") }
        if speed <= 0 { throw ValidationError("--speed must be above 0, got \(speed)") }
    }

    var options: SimulationOptions {
        SimulationOptions(scenario: scenario, seed: simSeed, nodes: nodes, gpusPerNode: gpusPerNode, speed: speed,
                          loadScale: loadScale)
    }
}
