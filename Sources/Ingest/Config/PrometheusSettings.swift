/// A Prometheus-compatible server (Prometheus, Thanos, VictoriaMetrics, Mimir) to query instead of
/// scraping targets one by one.
package struct PrometheusSettings: Sendable, Hashable {
    /// The server's base URL, e.g. `http://prometheus:9090` (the `/api/v1/...` paths are appended).
    package var url: String
    /// A PromQL selector added to every query, e.g. `{job=~"vllm|dcgm"}`; empty selects everything.
    package var selector: String
    /// How much history `query_range` fills in at start, in seconds; 0 turns the backfill off.
    package var backfillSeconds: Double
    /// The labels that tell targets apart (`--instance-labels`, `prometheus.instance_labels`).
    package var identity: PrometheusIdentity

    package init(
        url: String, selector: String = "", backfillSeconds: Double = 300,
        identity: PrometheusIdentity = .default
    ) {
        self.url = url
        self.selector = selector
        self.backfillSeconds = backfillSeconds
        self.identity = identity
    }
}
