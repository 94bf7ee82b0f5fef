import ClusterModel

/// An instance that is loading now, as the load tracker saw it begin.
package struct ActiveLoad: Sendable, Hashable, Codable {
    package var instanceID: String
    /// The scrape target: an instance whose page was empty while loading gets a longer id (with its engine and
    /// model) once it serves, and the target is how the tracker knows it is the same server.
    package var target: String
    package var model: String?
    package var node: String?
    package var engine: EngineKind
    package var startMs: Int64
    /// False when it was already loading in the first snapshot seen.
    package var startKnown: Bool
    /// VRAM used on its GPUs when the load began (other tenants' share, which the load did not add).
    package var vramAtStartBytes: Double?

    package init(
        instanceID: String, target: String, model: String?, node: String?, engine: EngineKind, startMs: Int64, startKnown: Bool,
        vramAtStartBytes: Double?
    ) {
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
