/// The whole cluster at one moment, normalized across servers and exporters: what every view draws from.
/// A plain value: build it once per frame, hand it to any number of readers.
package struct ClusterSnapshot: Sendable, Hashable {
    /// The frame's time, ms since the epoch (the newest scrape it includes).
    package var timeMs: Int64
    package var nodes: [Node]
    /// Ordered by node, then index.
    package var gpus: [GPU]
    /// Ordered by node, then target, then model.
    package var instances: [EngineInstance]
    package var targets: [TargetHealth]
    package var totals: ClusterTotals
    package var byModel: [ModelAggregate]
    package var byGPUType: [GPUTypeAggregate]
    /// Things a person should know that are not values: boundaries that could not be merged, pages that
    /// matched no dialect, ….
    package var notes: [String]
    /// The window rates and quantiles were computed over, in ms: the longest any target's were (a target scraped
    /// for less than the configured window has its rates over the time it has been scraped).
    package var rateWindowMs: Int64?

    package init(
        timeMs: Int64, nodes: [Node] = [], gpus: [GPU] = [], instances: [EngineInstance] = [],
        targets: [TargetHealth] = [], totals: ClusterTotals = ClusterTotals(), byModel: [ModelAggregate] = [],
        byGPUType: [GPUTypeAggregate] = [], notes: [String] = []
    ) {
        self.timeMs = timeMs
        self.nodes = nodes
        self.gpus = gpus
        self.instances = instances
        self.targets = targets
        self.totals = totals
        self.byModel = byModel
        self.byGPUType = byGPUType
        self.notes = notes
    }

    /// An empty picture, before the first scrape.
    package static let empty = ClusterSnapshot(timeMs: 0)

    package func gpu(id: String) -> GPU? { gpus.first { $0.id == id } }
    package func instance(id: String) -> EngineInstance? { instances.first { $0.id == id } }
}
