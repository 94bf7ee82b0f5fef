/// How an engine instance was joined to its GPUs, which says how far a screen may trust the join: engine pages
/// do not say which GPU they use.
package enum GPUJoin: String, Sendable, Hashable, Codable {
    /// The configuration names its GPUs (`instance_gpus`, a target's `gpus:`).
    case configuration
    /// DCGM names the instance's pod (and container) on exactly these GPUs.
    case pod
    /// Nothing says which GPUs it uses: every GPU of its node.
    case node
}
