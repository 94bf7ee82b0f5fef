/// Settings of the cluster model that come from the user's configuration, not from the pages.
package struct ModelConfiguration: Sendable, Hashable {
    /// The window over which rates and quantiles are computed (Prometheus' `rate(x[window])`).
    package var rateWindowMs: Int64
    /// Explicit node of a target (target id → node name); wins over host labels and the target's URL.
    package var targetNodes: [String: String]
    /// Explicit GPUs of an instance (`instance_gpus`): instance id or target id → GPUs, each a GPU id, a UUID or
    /// the GPU's index on the instance's node. Wins over the pod join and over joining by node.
    package var instanceGPUs: [String: [String]]
    /// The Kubernetes pod of a target (target id → pod, e.g. from file_sd labels); wins over the pod labels
    /// on the engine's own series. Engines are joined to the GPUs whose DCGM series name their pod.
    package var targetPods: [String: PodReference]
    /// The served model of a target whose metrics do not name it (target id → model), asked of the server.
    package var targetModels: [String: String] = [:]
    /// While a target has been scraped for less than the window (the dashboard just started, or the target
    /// just appeared), take its rates over the time it has been scraped instead. Prometheus' `rate()` divides
    /// by the whole window and extrapolates only half an interval past the first point, so a 10 s window over
    /// 1 s of data reads about 15 % of the true rate; a screen that starts should not show that. Off: exactly
    /// Prometheus.
    package var shortensYoungWindows: Bool

    package init(
        rateWindowMs: Int64 = 10_000, targetNodes: [String: String] = [:], instanceGPUs: [String: [String]] = [:],
        targetPods: [String: PodReference] = [:], shortensYoungWindows: Bool = false
    ) {
        self.shortensYoungWindows = shortensYoungWindows
        self.rateWindowMs = max(1, rateWindowMs)
        self.targetNodes = targetNodes
        self.instanceGPUs = instanceGPUs
        self.targetPods = targetPods
    }
}
