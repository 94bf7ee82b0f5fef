/// An instance that is loading now, as the load tracker saw it begin.
public struct ActiveLoad: Sendable, Hashable, Codable {
    public var instanceID: String
    public var model: String?
    public var node: String?
    public var engine: String
    public var startMs: Int64
    /// False when it was already loading in the first snapshot seen.
    public var startKnown: Bool
    /// VRAM used on its GPUs when the load began (other tenants' share, which the load did not add).
    public var vramAtStartBytes: Double?

    public init(instanceID: String, model: String?, node: String?, engine: String, startMs: Int64, startKnown: Bool,
                vramAtStartBytes: Double?) {
        self.instanceID = instanceID
        self.model = model
        self.node = node
        self.engine = engine
        self.startMs = startMs
        self.startKnown = startKnown
        self.vramAtStartBytes = vramAtStartBytes
    }
}
