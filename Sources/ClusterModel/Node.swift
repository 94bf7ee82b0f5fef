/// A machine of the cluster: the host that GPUs and engine instances were joined on.
public struct Node: Sendable, Hashable, Codable, Identifiable {
    /// The host name (DCGM `Hostname`/`hostname` label, or the host of the target's URL).
    public var name: String
    /// `GPU.id`s of this node, by index.
    public var gpuIDs: [String]
    /// `EngineInstance.id`s that run on this node.
    public var instanceIDs: [String]
    /// False when every target that reports this node failed its last scrape.
    public var up: Bool

    public var id: String { name }

    public init(name: String, gpuIDs: [String] = [], instanceIDs: [String] = [], up: Bool = true) {
        self.name = name
        self.gpuIDs = gpuIDs
        self.instanceIDs = instanceIDs
        self.up = up
    }
}
