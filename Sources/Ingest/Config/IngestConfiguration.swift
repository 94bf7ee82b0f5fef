import Exposition

/// Everything the live sources need, gathered from the YAML file and the command line.
///
/// The dashboard-side values (thresholds, theme, retention) are carried through untouched, so that the
/// one configuration file serves every stage while each stage reads only its own part.
package struct IngestConfiguration: Sendable, Hashable {
    /// The largest page body accepted before the scrape fails with "body too large" (64 MiB).
    package static let defaultBodyLimitBytes = 64 << 20
    /// Most series one target's page may hold (`PageIntake.defaultSeriesLimit`).
    package static let defaultSeriesLimit = PageIntake.defaultSeriesLimit
    /// Most scrapes in flight at once. Like Prometheus, every target may be read at the same time, so that
    /// hanging targets (each holding its slot until the timeout) do not queue the rest behind them; the cap is
    /// also kept under the process's open-file limit.
    package static let defaultConcurrency = 8192

    package var targets: [ScrapeTarget]
    /// Prometheus `file_sd` JSON files whose targets are added to `targets` and re-read when they change.
    package var fileSDPaths: [String]
    /// Seconds between two scrapes of one target.
    package var intervalSeconds: Double
    /// Seconds one scrape may take, from connecting to the last body byte.
    package var timeoutSeconds: Double
    /// How many scrapes may be in flight at once.
    package var concurrency: Int
    package var bodyLimitBytes: Int
    /// Most series a target's page may hold (`defaultSeriesLimit`).
    package var seriesLimit = IngestConfiguration.defaultSeriesLimit
    /// How many redirects one scrape follows before it fails.
    package var maxRedirects: Int
    package var auth: AuthSettings
    package var tls: TLSSettings
    /// When set, read this server's query API instead of scraping `targets`.
    package var prometheus: PrometheusSettings?
    /// Explicit instance (address or `instance` label) → node name, for addresses whose host is not the node.
    package var nodeMap: [String: String]
    /// `instance_gpus`: a target (its URL, `host:port`, or the `instance` label read through Prometheus) → the GPUs
    /// its engine uses, as GPU ids, UUIDs or indices on its node. Targets' own `gpus:` say the same per target.
    package var instanceGPUs: [String: [String]] = [:]
    /// Alert thresholds by name (e.g. `vram_warn: 0.9`), for the cluster model and the dashboard.
    package var thresholds: [String: Double]
    /// The `alerts:` section as text, rule → setting → value, for the alert engine (docs/INSIGHTS.md).
    package var alertRules: [String: [String: String]] = [:]
    /// The `alerts:` section's shared settings (`trend_window`, `event_log_size`, …), as text.
    package var alertParameters: [String: String] = [:]
    /// The line of each key of the `alerts:` section (`alerts.vram.threshold`), so that a value the alert engine
    /// refuses is reported with its place in the file, as the loader's own errors are.
    package var alertLines: [String: Int] = [:]
    /// The theme name, for the dashboard.
    package var theme: String?
    /// How much history the store keeps, in seconds; nil keeps its default.
    package var retentionSeconds: Double?
    /// A cap on points per series in the store; nil keeps its default.
    package var retentionPoints: Int?
    /// The most series the store holds (`max_series`); nil keeps its default (1,000,000).
    package var maxSeries: Int?
    /// The seed of the start stagger and jitter, so that a run can be reproduced.
    package var seed: UInt64
    /// The file these settings were read from, if any, and the line of each top-level key it set (for
    /// `--print-config`, which says where every value came from); a key absent here kept its default.
    package var file: String?
    package var keyLines: [String: Int] = [:]

    package init(
        targets: [ScrapeTarget] = [], fileSDPaths: [String] = [], intervalSeconds: Double = 1,
        timeoutSeconds: Double? = nil, concurrency: Int = IngestConfiguration.defaultConcurrency,
        bodyLimitBytes: Int = IngestConfiguration.defaultBodyLimitBytes, maxRedirects: Int = 5,
        auth: AuthSettings = AuthSettings(), tls: TLSSettings = TLSSettings(),
        prometheus: PrometheusSettings? = nil, nodeMap: [String: String] = [:],
        thresholds: [String: Double] = [:], theme: String? = nil, retentionSeconds: Double? = nil,
        retentionPoints: Int? = nil, seed: UInt64 = 0x1F7E_A5ED
    ) {
        self.targets = targets
        self.fileSDPaths = fileSDPaths
        self.intervalSeconds = intervalSeconds
        self.timeoutSeconds = timeoutSeconds ?? Self.defaultTimeout(intervalSeconds: intervalSeconds)
        self.concurrency = concurrency
        self.bodyLimitBytes = bodyLimitBytes
        self.maxRedirects = maxRedirects
        self.auth = auth
        self.tls = tls
        self.prometheus = prometheus
        self.nodeMap = nodeMap
        self.thresholds = thresholds
        self.theme = theme
        self.retentionSeconds = retentionSeconds
        self.retentionPoints = retentionPoints
        self.seed = seed
    }

    /// The timeout when none is given: a scrape that outlived its interval would pile up, so it gets the
    /// interval, at least 0.1 s and at most 10 s.
    package static func defaultTimeout(intervalSeconds: Double) -> Double {
        min(max(intervalSeconds, 0.1), 10)
    }

    /// Whether certificate checks are off anywhere: for every target, or for one that asks in its own `tls`.
    package var skipsCertificateChecks: Bool { tls.insecure || targets.contains { $0.tls?.insecure == true } }

    /// The warning the screen shows while any certificate check is off; nil when all are on.
    package var tlsWarning: String? {
        if let warning = tls.warning { return warning }
        let insecure = targets.filter { $0.tls?.insecure == true }.map(\.id)
        guard !insecure.isEmpty else { return nil }
        return "TLS certificate verification is OFF for \(insecure.joined(separator: ", ")): connections can be intercepted"
    }

    /// The node a target belongs to: the configured one, then the explicit map (by id or host), then the host.
    package func node(of target: ScrapeTarget) -> String? {
        if let node = target.node { return node }
        if let mapped = nodeMap[target.id] { return mapped }
        if let host = target.host {
            if let mapped = nodeMap[host] { return mapped }
            return host
        }
        return nil
    }

    /// Checks ranges that the flags and the file share; `origin` names where the values came from.
    package func validate(origin: String = "configuration") throws {
        func check(_ value: Double, _ range: SettingRange, _ key: String) throws {
            guard range.contains(value) else {
                throw ConfigurationError.invalidValue(
                    file: origin, key: key, line: nil,
                    message: range.refusal(String(describing: value)))
            }
        }
        try check(intervalSeconds, .interval, "interval")
        try check(timeoutSeconds, .timeout, "timeout")
        try check(Double(concurrency), .concurrency, "concurrency")
        try check(Double(bodyLimitBytes), .bodyLimit, "body_limit")
        try check(Double(seriesLimit), .seriesLimit, "series_limit")
        try check(Double(maxRedirects), .maxRedirects, "max_redirects")
        if let retentionSeconds { try check(retentionSeconds, .retention, "retention.duration") }
        if let retentionPoints { try check(Double(retentionPoints), .retentionPoints, "retention.points") }
        if let prometheus { try check(prometheus.backfillSeconds, .backfill, "prometheus.backfill") }
        if let maxSeries { try check(Double(maxSeries), .maxSeries, "max_series") }
    }
}
