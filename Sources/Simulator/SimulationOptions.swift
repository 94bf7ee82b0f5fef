/// What to simulate: the scenario, its seed, the cluster size and how fast virtual time runs when served.
public struct SimulationOptions: Sendable, Hashable {
    /// Virtual time starts at 2026-01-01T00:00:00Z, so a seed gives the same pages, timestamps included.
    public static let epochMs: Int64 = 1_767_225_600_000

    public var scenario: Scenario
    public var seed: UInt64
    /// Nodes and GPUs per node; nil takes the scenario's default.
    public var nodes: Int?
    public var gpusPerNode: Int?
    /// Virtual seconds per real second when served or watched live (fast-forward ignores it).
    public var speed: Double
    /// Virtual milliseconds per simulation tick.
    public var stepMs: Int64
    /// Multiplies the scenario's load curve (1 = as the scenario describes it).
    public var loadScale: Double

    public init(scenario: Scenario = .steady, seed: UInt64 = 1, nodes: Int? = nil, gpusPerNode: Int? = nil,
                speed: Double = 1, stepMs: Int64 = 100, loadScale: Double = 1) {
        self.scenario = scenario
        self.seed = seed
        self.nodes = nodes
        self.gpusPerNode = gpusPerNode
        self.speed = speed
        self.stepMs = stepMs
        self.loadScale = loadScale
    }

    public var resolvedNodes: Int { max(1, nodes ?? scenario.defaultNodes) }
    public var resolvedGPUsPerNode: Int { max(1, gpusPerNode ?? scenario.defaultGPUsPerNode) }
}
