/// One scrape target of the simulated cluster: an engine instance's `/metrics`, or one node's DCGM exporter.
package struct SimTarget: Sendable, Hashable, Identifiable {
    package enum Kind: String, Sendable, Hashable {
        case engine
        case dcgm
    }

    /// Stable id, e.g. `sim://node-00/vllm-0` or `sim://node-00/dcgm` (the node is the host part, so engines join their node's GPUs from the id alone, live or replayed).
    package let id: String
    /// HTTP path it is served at, e.g. `/node-00/vllm-0/metrics`.
    package let path: String
    /// Node name, e.g. `node-00`.
    package let node: String
    package let kind: Kind
    /// The server it impersonates, for engine targets.
    package let engine: EngineKind?
    /// The Kubernetes pod an engine target runs in (in `namespace`), as service discovery would label it; the
    /// DCGM exporter names the same pod on the GPUs the engine uses, so the two are joined per GPU.
    /// Worked out once: the simulator source reads it for every engine on every tick.
    package let pod: String?
    /// The engine's container in its pod.
    package var container: String? { engine?.rawValue }
    /// The namespace of every simulated pod.
    package static let namespace = "infertop-sim"

    /// Index of the node, and of the instance for engine targets, inside the simulator.
    let nodeIndex: Int
    let instanceIndex: Int?

    init(id: String, path: String, node: String, kind: Kind, engine: EngineKind?, nodeIndex: Int, instanceIndex: Int?) {
        (self.id, self.path, self.node, self.kind, self.engine) = (id, path, node, kind, engine)
        (self.nodeIndex, self.instanceIndex) = (nodeIndex, instanceIndex)
        pod = kind == .engine ? Self.name(of: id, joinedBy: "-") : nil
    }

    /// A file-system-safe name, e.g. `node-00_vllm-0`, for dumps and recordings.
    package var slug: String {
        Self.name(of: id, joinedBy: "_")
    }

    /// The id without its scheme, its path's slashes replaced.
    private static func name(of id: String, joinedBy separator: Character) -> String {
        String(id.dropFirst("sim://".count).map { $0 == "/" ? separator : $0 })
    }
}
