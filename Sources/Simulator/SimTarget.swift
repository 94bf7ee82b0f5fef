/// One scrape target of the simulated cluster: an engine instance's `/metrics`, or one node's DCGM exporter.
public struct SimTarget: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable {
        case engine
        case dcgm
    }

    /// Stable id, e.g. `sim/node-00/vllm-0` or `sim/node-00/dcgm`.
    public let id: String
    /// HTTP path it is served at, e.g. `/node-00/vllm-0/metrics`.
    public let path: String
    /// Node name, e.g. `node-00`.
    public let node: String
    public let kind: Kind
    /// The server it impersonates, for engine targets.
    public let engine: EngineKind?

    /// Index of the node, and of the instance for engine targets, inside the simulator.
    let nodeIndex: Int
    let instanceIndex: Int?

    /// A file-system-safe name, e.g. `node-00_vllm-0`, for dumps and recordings.
    public var slug: String {
        String(id.dropFirst(4).map { $0 == "/" ? "_" : $0 })
    }
}

/// Whether a target answers, and if not, why (what the scenario did to it).
public enum SimTargetStatus: String, Sendable, Hashable {
    case up
    /// The instance has not been started yet (a later wave of a scale-out).
    case notStarted = "not-started"
    /// The process is reading its weights; it answers nothing until ready.
    case loading
    /// Weights loaded; allocating the KV cache and capturing CUDA graphs.
    case starting
    /// The process died and will restart.
    case crashed
    /// The whole node is down.
    case nodeDown = "node-down"
}
