import ArgumentParser
import CommandSupport
import Simulator

/// The simulator's options, shared by every command that can run it (`infertop`, `sim`, `record`, `snapshot`).
struct SimulatorArguments: ParsableArguments {
    @Option(help: "Simulator scenario: \(Scenario.allCases.map(\.rawValue).joined(separator: ", ")).")
    var scenario: Scenario = .steady
    @Option(
        name: .customLong("sim-seed"),
        help: "Simulator seed: the same seed and options give the same cluster (0 to \(UInt64.max)).")
    var simSeed: UInt64 = 1
    @Option(
        help: "Simulated nodes (\(FlagRange.simulatedNodes.text); default: the scenario's).",
        transform: FlagValue.int(FlagRange.simulatedNodes))
    var nodes: Int?
    @Option(
        name: .customLong("gpus-per-node"),
        help: "Simulated GPUs per node (\(FlagRange.gpusPerNode.text); default: the scenario's).",
        transform: FlagValue.int(FlagRange.gpusPerNode))
    var gpusPerNode: Int?
    @Option(
        help: "Simulated seconds per real second (\(FlagRange.simulatorSpeed.text)).",
        transform: FlagValue.double(FlagRange.simulatorSpeed))
    var speed: Double = 1
    @Option(
        name: .customLong("load-scale"),
        help: "Multiply the scenario's load (0.5: half the traffic; \(FlagRange.loadScale.text)).",
        transform: FlagValue.double(FlagRange.loadScale))
    var loadScale: Double = 1

    func validate() throws {
        let options = self.options
        let gpus = options.resolvedNodes * options.resolvedGPUsPerNode
        guard gpus <= FlagRange.simulatedGPUs else {
            throw ValidationError(
                "--nodes \(options.resolvedNodes) × --gpus-per-node \(options.resolvedGPUsPerNode) "
                    + "is \(gpus) simulated GPUs; expected at most \(FlagRange.simulatedGPUs)")
        }
    }

    var options: SimulationOptions {
        SimulationOptions(
            scenario: scenario, seed: simSeed, nodes: nodes, gpusPerNode: gpusPerNode, speed: speed,
            loadScale: loadScale)
    }
}
