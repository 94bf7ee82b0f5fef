import ClusterModel

/// An instance that is loading now, as the load tracker saw it begin.
public struct ActiveLoad: Sendable, Hashable, Codable {
    public var instanceID: String
    /// The scrape target: an instance whose page was empty while loading gets a longer id (with its engine and
    /// model) once it serves, and the target is how the tracker knows it is the same server.
    public var target: String
    public var model: String?
    public var node: String?
    public var engine: EngineKind
    public var startMs: Int64
    /// False when it was already loading in the first snapshot seen.
    public var startKnown: Bool
    /// VRAM used on its GPUs when the load began (other tenants' share, which the load did not add).
    public var vramAtStartBytes: Double?

    public init(instanceID: String, target: String, model: String?, node: String?, engine: EngineKind, startMs: Int64, startKnown: Bool,
                vramAtStartBytes: Double?) {
        self.instanceID = instanceID
        self.target = target
        self.model = model
        self.node = node
        self.engine = engine
        self.startMs = startMs
        self.startKnown = startKnown
        self.vramAtStartBytes = vramAtStartBytes
    }
}
