import Exposition

/// What one read of one target produced: the page (or why there is none), when, how long it took, and
/// the raw bytes for the recorder. Scrapes of HTTP targets, files, standard input and the Prometheus
/// query API all arrive as this one value, so everything downstream has a single path.
package struct ScrapeResult: Sendable {
    /// The target's id (`ScrapeTarget.id`, or the `instance` label for the Prometheus source).
    package var target: String
    /// When the read started, in milliseconds since the epoch (wall clock).
    package var timeMs: Int64
    package var durationSeconds: Double
    /// The body as received (after gzip), nil on failure or for pages synthesised from query results.
    package var body: [UInt8]?
    /// The parsed page, nil on failure. A page may carry parse errors and still be up.
    package var page: ExpositionPage?
    /// Why the read failed, for a person; nil when it succeeded. Never contains a secret.
    package var error: String?
    /// Failures in a row up to and including this one (0 after a success).
    package var consecutiveFailures: Int
    package var node: String?
    package var role: String?
    /// The Kubernetes pod (and namespace) the configuration or file_sd names for the target, if any.
    package var pod: String?
    package var namespace: String?
    package var container: String?
    /// The GPUs the configuration gives the target, if any (ids, UUIDs or indices on its node).
    package var gpus: [String]?
    /// The served model's name, asked of servers whose metrics do not carry it (`ModelNameSource`).
    package var model: String?
    /// Set when the page's counter and histogram samples are per-second rates a query server computed over
    /// this window, not cumulative values (the store reads them as rates, and says they are over this window).
    package var givenRateWindowMs: Int64?

    package init(
        target: String, timeMs: Int64, durationSeconds: Double, body: [UInt8]? = nil,
        page: ExpositionPage? = nil, error: String? = nil, consecutiveFailures: Int = 0,
        node: String? = nil, role: String? = nil
    ) {
        self.target = target
        self.timeMs = timeMs
        self.durationSeconds = durationSeconds
        self.body = body
        self.page = page
        self.error = error
        self.consecutiveFailures = consecutiveFailures
        self.node = node
        self.role = role
    }

    /// The target's node, pod and model as one value, as a recording keeps them with its health.
    package var facts: TargetFacts {
        get { TargetFacts(node: node, pod: pod, namespace: namespace, container: container, gpus: gpus, model: model) }
        set {
            (node, pod, namespace, container) = (newValue.node, newValue.pod, newValue.namespace, newValue.container)
            (gpus, model) = (newValue.gpus, newValue.model)
        }
    }

    /// Whether the target answered with a page.
    package var isUp: Bool { error == nil && page != nil }

    /// The target's labels for grouping (`node`, `role`), only those that are known.
    package var labels: Labels {
        var labels = Labels()
        if let node { labels = labels.setting("node", node) }
        if let role { labels = labels.setting("role", role) }
        return labels
    }
}
