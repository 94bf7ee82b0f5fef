/// Reading rule settings written as text (the YAML configuration's `alerts:` section, already split into
/// keys and scalar strings by the caller), so the configuration loader needs no knowledge of units.
extension AlertRuleConfiguration {
    /// Keys of one rule's mapping.
    package static let ruleKeys = ["enabled", "threshold", "clear", "for", "severity", "critical"]
    /// Keys of the shared parameters.
    package static let parameterKeys = [
        "trend_window", "restart_hold", "throttle_min_utilization", "min_peers",
        "event_log_size",
    ]

    /// This configuration with `rules` (rule key → setting key → value) and `parameters` applied. Values of
    /// fraction rules are percentages (`95` or `95%`); durations take `ms`, `s`, `m` or `h` (seconds without).
    package func applying(
        rules settings: [String: [String: String]], parameters: [String: String] = [:],
        prefix: String = "alerts"
    ) throws(AlertConfigurationError) -> AlertRuleConfiguration {
        var result = self
        for (name, values) in settings.sorted(by: { $0.key < $1.key }) {
            guard let kind = AlertRuleKind(rawValue: name) else {
                let known = AlertRuleKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw AlertConfigurationError(key: "\(prefix).\(name)", message: "unknown rule; known rules: \(known)")
            }
            let base = result.rules[kind] ?? AlertRuleConfiguration.defaultRules[kind]!
            result.rules[kind] = try Self.rule(kind, base: base, values, keyPrefix: "\(prefix).\(name)")
        }
        for (key, text) in parameters.sorted(by: { $0.key < $1.key }) {
            let path = "\(prefix).\(key)"
            switch key {
            case "trend_window": result.queueTrendWindowSeconds = try Self.duration(text, key: path)
            case "restart_hold": result.restartHoldSeconds = try Self.duration(text, key: path)
            case "throttle_min_utilization": result.throttleMinimumUtilization = try Self.percent(text, key: path)
            case "min_peers": result.minimumPeers = Int(try Self.number(text, key: path, within: Self.peersRange))
            case "event_log_size": result.eventLogCapacity = Int(try Self.number(text, key: path, within: Self.eventLogRange))
            default:
                throw AlertConfigurationError(
                    key: path,
                    message: "unknown setting; known: "
                        + (Self.parameterKeys + AlertRuleKind.allCases.map(\.rawValue)).joined(separator: ", "))
            }
        }
        return result
    }

    private static func rule(
        _ kind: AlertRuleKind, base: AlertRule, _ values: [String: String],
        keyPrefix: String
    ) throws(AlertConfigurationError) -> AlertRule {
        var threshold = base.threshold
        var clear: Double? = base.clearThreshold
        var critical = base.criticalThreshold
        var enabled = base.enabled
        var severity = base.severity
        var duration = base.minimumDurationSeconds
        var thresholdGiven = false
        var clearGiven = false
        for (key, text) in values.sorted(by: { $0.key < $1.key }) {
            let path = "\(keyPrefix).\(key)"
            switch key {
            case "enabled":
                switch text.lowercased() {
                case "true", "yes", "on": enabled = true
                case "false", "no", "off": enabled = false
                default: throw AlertConfigurationError(key: path, message: "expected true or false, got '\(text)'")
                }
            case "threshold":
                threshold = try value(text, kind: kind, key: path)
                thresholdGiven = true
            case "clear":
                clear = try value(text, kind: kind, key: path)
                clearGiven = true
            case "critical": critical = try value(text, kind: kind, key: path)
            case "for": duration = try self.duration(text, key: path)
            case "severity":
                guard let parsed = AlertSeverity(rawValue: text.lowercased()) else {
                    throw AlertConfigurationError(key: path, message: "expected warn or critical, got '\(text)'")
                }
                severity = parsed
            default:
                throw AlertConfigurationError(key: path, message: "unknown key; known: \(ruleKeys.joined(separator: ", "))")
            }
        }
        // A new threshold without a clear value moves the clear value by the same margin as the default had.
        if thresholdGiven && !clearGiven { clear = threshold - (base.threshold - base.clearThreshold) }
        let rule = AlertRule(
            enabled: enabled, direction: base.direction, threshold: threshold, clearThreshold: clear,
            minimumDurationSeconds: duration, severity: severity, criticalThreshold: critical)
        if clearGiven, let clear, rule.clearThreshold != clear {
            let side = base.direction == .above ? "at most" : "at least"
            throw AlertConfigurationError(
                key: "\(keyPrefix).clear",
                message: "must be \(side) the threshold (\(kind.format(threshold)))")
        }
        return rule
    }

    private static func value(_ text: String, kind: AlertRuleKind, key: String) throws(AlertConfigurationError) -> Double {
        switch kind.unit {
        case .fraction: return try percent(text, key: key)
        case .seconds: return try duration(text, key: key)
        case .perSecond: return try number(text, key: key, within: -1_000_000...1_000_000)
        case .celsius: return try number(text, key: key, within: -100...200)
        case .count: return try number(text, key: key, within: 0...1_000_000)
        case .flag: return try number(text, key: key, within: 0...1)
        }
    }

    // The ranges of the values written in the file: wide enough for any rule a person means, narrow enough that
    // no value reaches a conversion that traps (`Int64(1e300 * 1000)`) or an event log the size of the memory.
    /// Durations (`for`, `trend_window`, `restart_hold`, and the thresholds of duration rules): up to a week,
    /// the longest history infertop keeps.
    static let durationRange: ClosedRange<Double> = 0...(7 * 86_400)
    static let peersRange: ClosedRange<Double> = 1...10_000
    static let eventLogRange: ClosedRange<Double> = 1...100_000

    static func number(
        _ text: String, key: String, within range: ClosedRange<Double>
    )
        throws(AlertConfigurationError) -> Double
    {
        let value = Double(text.trimmingSpaces)
        guard let value, value.isFinite else {
            throw AlertConfigurationError(key: key, message: "expected a number, got '\(text)'")
        }
        return try checked(value, range, text: text, key: key, bounds: "\(Int(range.lowerBound)) to \(Int(range.upperBound))")
    }

    static func percent(_ text: String, key: String) throws(AlertConfigurationError) -> Double {
        var body = text.trimmingSpaces
        if body.hasSuffix("%") { body.removeLast() }
        guard let value = Double(body), value.isFinite else {
            throw AlertConfigurationError(key: key, message: "expected a percentage like 95 or 95%, got '\(text)'")
        }
        return try checked(value / 100, 0...1, text: text, key: key, bounds: "0% to 100%")
    }

    static func duration(_ text: String, key: String) throws(AlertConfigurationError) -> Double {
        let body = text.trimmingSpaces
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        let scaled = units.lazy.filter { body.hasSuffix($0.0) }
            .compactMap { suffix, scale in Double(body.dropLast(suffix.count)).map { $0 * scale } }.first
        guard let value = scaled ?? Double(body), value.isFinite else {
            throw AlertConfigurationError(key: key, message: "expected a duration like 30s, 500ms or 10m, got '\(text)'")
        }
        return try checked(value, durationRange, text: text, key: key, bounds: "0s to 168h")
    }

    private static func checked(
        _ value: Double, _ range: ClosedRange<Double>, text: String, key: String, bounds: String
    )
        throws(AlertConfigurationError) -> Double
    {
        guard range.contains(value) else {
            throw AlertConfigurationError(key: key, message: "expected \(bounds), got '\(text)'")
        }
        return value
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
