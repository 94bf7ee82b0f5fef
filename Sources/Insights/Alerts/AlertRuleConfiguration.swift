/// Every alert rule and the few parameters the rules share: a plain value the configuration file fills (see
/// docs/INSIGHTS.md for the keys, and `applying(rules:parameters:)` for reading them from text).
package struct AlertRuleConfiguration: Sendable, Hashable, Codable {
    /// The rule of each kind; a kind missing here is off.
    package var rules: [AlertRuleKind: AlertRule]
    /// The span over which the queue-depth slope is fitted.
    package var queueTrendWindowSeconds: Double
    /// How long after a counter reset an instance counts as restarted when its state no longer says so.
    package var restartHoldSeconds: Double
    /// Below this utilization a GPU's low clock is idling, not throttling, and is not compared.
    package var throttleMinimumUtilization: Double
    /// Peers needed (other GPUs of the same type, or of the same node) before a GPU is compared with them.
    package var minimumPeers: Int
    /// Events the event log keeps; the oldest ended ones go first.
    package var eventLogCapacity: Int
    /// The levels the VRAM, KV-cache and temperature rules fire at, shared with the dashboard's colours and the
    /// heatmap (`applying(thresholds:)` moves the rules with them).
    package var thresholds: ThresholdPolicy = .default

    package init(
        rules: [AlertRuleKind: AlertRule] = AlertRuleConfiguration.defaultRules,
        queueTrendWindowSeconds: Double = 30, restartHoldSeconds: Double = 120,
        throttleMinimumUtilization: Double = 0.5, minimumPeers: Int = 2, eventLogCapacity: Int = 500
    ) {
        self.rules = rules
        self.queueTrendWindowSeconds = queueTrendWindowSeconds
        self.restartHoldSeconds = restartHoldSeconds
        self.throttleMinimumUtilization = throttleMinimumUtilization
        self.minimumPeers = max(1, minimumPeers)
        self.eventLogCapacity = max(1, eventLogCapacity)
    }

    /// The defaults of the issue: VRAM > 95 %, KV > 90 % for 30 s, queue growing for 60 s, TTFT p95 > 2 s,
    /// preemptions > 1/s, target down, restart, loading > 10 min, throttling, > 85 °C, > 15 °C above the node.
    package static let defaultRules: [AlertRuleKind: AlertRule] = [
        .vram: AlertRule(threshold: 0.95, clearThreshold: 0.90, criticalThreshold: 0.99),
        .kvCache: AlertRule(threshold: 0.90, clearThreshold: 0.80, minimumDurationSeconds: 30, criticalThreshold: 0.98),
        .queueGrowing: AlertRule(threshold: 0.05, clearThreshold: 0, minimumDurationSeconds: 60),
        .ttftSLO: AlertRule(threshold: 2, clearThreshold: 1.8, criticalThreshold: 4),
        .preemptions: AlertRule(threshold: 1, clearThreshold: 0.5, criticalThreshold: 10),
        .targetDown: AlertRule(threshold: 0.5, severity: .critical),
        .engineRestart: AlertRule(threshold: 0.5),
        .slowLoad: AlertRule(threshold: 600, criticalThreshold: 1800),
        .gpuThrottling: AlertRule(direction: .below, threshold: 0.75, clearThreshold: 0.85, minimumDurationSeconds: 15),
        .gpuTemperature: AlertRule(threshold: 85, clearThreshold: 80, criticalThreshold: 90),
        .gpuHotterThanPeers: AlertRule(threshold: 15, clearThreshold: 10),
    ]

    package static let `default` = AlertRuleConfiguration()

    /// These rules with `policy`'s levels: a rule fires above the warning level, turns critical above the critical
    /// one, and clears below the warning level by the margin its default keeps (so a wobbling value raises one
    /// alert).
    package func applying(thresholds policy: ThresholdPolicy) -> AlertRuleConfiguration {
        var result = self
        result.thresholds = policy
        let levels: [(AlertRuleKind, ThresholdPolicy.Level)] = [
            (.vram, policy.vram), (.kvCache, policy.kvCache), (.gpuTemperature, policy.temperature),
        ]
        for (kind, level) in levels {
            guard var rule = result.rules[kind], let defaults = Self.defaultRules[kind] else { continue }
            let margin = defaults.threshold - defaults.clearThreshold
            rule.threshold = level.warn
            rule.clearThreshold = level.warn - margin
            rule.criticalThreshold = level.critical
            result.rules[kind] = rule
        }
        return result
    }

    /// The enabled rule of `kind`, or nil when it is off.
    package func rule(_ kind: AlertRuleKind) -> AlertRule? {
        guard let rule = rules[kind], rule.enabled else { return nil }
        return rule
    }
}
