/// Settings of the cluster model that come from the user's configuration, not from the pages.
public struct ModelConfiguration: Sendable, Hashable {
    /// The window over which rates and quantiles are computed (Prometheus' `rate(x[window])`).
    public var rateWindowMs: Int64
    /// Explicit node of a target (target id → node name); wins over host labels and the target's URL.
    public var targetNodes: [String: String]
    /// Explicit GPUs of an instance (instance id → GPU ids or UUIDs); wins over joining by node.
    public var instanceGPUs: [String: [String]]
    /// The Kubernetes pod of a target (target id → pod, e.g. from file_sd labels); wins over the pod labels
    /// on the engine's own series. Engines are joined to the GPUs whose DCGM series name their pod.
    public var targetPods: [String: PodReference]

    public init(rateWindowMs: Int64 = 10_000, targetNodes: [String: String] = [:], instanceGPUs: [String: [String]] = [:],
                targetPods: [String: PodReference] = [:]) {
        self.rateWindowMs = max(1, rateWindowMs)
        self.targetNodes = targetNodes
        self.instanceGPUs = instanceGPUs
        self.targetPods = targetPods
    }
}
