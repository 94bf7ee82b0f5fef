/// What to simulate: the scenario, its seed, the cluster size and how fast virtual time runs when served.
package struct SimulationOptions: Sendable, Hashable {
    /// Virtual time starts at 2026-01-01T00:00:00Z, so a seed gives the same pages, timestamps included.
    package static let epochMs: Int64 = 1_767_225_600_000

    package var scenario: Scenario
    package var seed: UInt64
    /// Nodes and GPUs per node; nil takes the scenario's default.
    package var nodes: Int?
    package var gpusPerNode: Int?
    /// Virtual seconds per real second when served or watched live (fast-forward ignores it).
    package var speed: Double
    /// Virtual milliseconds per simulation tick.
    package var stepMs: Int64
    /// Multiplies the scenario's load curve (1 = as the scenario describes it).
    package var loadScale: Double
    /// Whether engines keep their decoding requests in a cohort stepped as one (`DecodeCohort`); false visits
    /// every request at every ordinary step: slower, and the reference the cohort is tested against (same pages).
    package var keepsDecodeCohort: Bool

    package init(
        scenario: Scenario = .steady, seed: UInt64 = 1, nodes: Int? = nil, gpusPerNode: Int? = nil,
        speed: Double = 1, stepMs: Int64 = 100, loadScale: Double = 1, keepsDecodeCohort: Bool = true
    ) {
        self.scenario = scenario
        self.seed = seed
        self.nodes = nodes
        self.gpusPerNode = gpusPerNode
        self.speed = speed
        self.stepMs = stepMs
        self.loadScale = loadScale
        self.keepsDecodeCohort = keepsDecodeCohort
    }

    package var resolvedNodes: Int { max(1, nodes ?? scenario.defaultNodes) }
    package var resolvedGPUsPerNode: Int { max(1, gpusPerNode ?? scenario.defaultGPUsPerNode) }
}
