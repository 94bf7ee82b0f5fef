/// A machine of the cluster: the host that GPUs and engine instances were joined on.
package struct Node: Sendable, Hashable, Codable, Identifiable {
    /// The host name (DCGM `Hostname`/`hostname` label, or the host of the target's URL).
    package var name: String
    /// `GPU.id`s of this node, by index.
    package var gpuIDs: [String]
    /// `EngineInstance.id`s that run on this node.
    package var instanceIDs: [String]
    /// False when every target that reports this node failed its last scrape.
    package var up: Bool

    package var id: String { name }

    package init(name: String, gpuIDs: [String] = [], instanceIDs: [String] = [], up: Bool = true) {
        self.name = name
        self.gpuIDs = gpuIDs
        self.instanceIDs = instanceIDs
        self.up = up
    }
}
