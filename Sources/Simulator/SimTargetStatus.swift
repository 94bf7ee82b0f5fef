/// Whether a target answers, and if not, why (what the scenario did to it).
package enum SimTargetStatus: String, Sendable, Hashable {
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
