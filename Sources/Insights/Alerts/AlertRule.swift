/// One configurable condition: a threshold that must be crossed for a minimum duration, and a lower (for
/// `.below` rules: higher) threshold that must be crossed back before the alert clears, so a value that
/// wobbles around the threshold raises one alert, not one per frame.
package struct AlertRule: Sendable, Hashable, Codable {
    /// Which side of the threshold is bad.
    package enum Direction: String, Sendable, Hashable, Codable {
        case above, below
    }

    package var enabled: Bool
    package var direction: Direction
    /// The value that starts the condition (strictly beyond it).
    package var threshold: Double
    /// The value the alert must come back past (strictly) to clear; never on the bad side of `threshold`.
    package var clearThreshold: Double
    /// How long the condition must hold, without interruption, before the alert fires.
    package var minimumDurationSeconds: Double
    package var severity: AlertSeverity
    /// Beyond this value the alert is critical whatever `severity` says.
    package var criticalThreshold: Double?

    package init(
        enabled: Bool = true, direction: Direction = .above, threshold: Double, clearThreshold: Double? = nil,
        minimumDurationSeconds: Double = 0, severity: AlertSeverity = .warn, criticalThreshold: Double? = nil
    ) {
        self.enabled = enabled
        self.direction = direction
        self.threshold = threshold
        let clear = clearThreshold ?? threshold
        // A clear threshold on the bad side would let an alert clear while its condition still holds.
        self.clearThreshold = direction == .above ? min(clear, threshold) : max(clear, threshold)
        self.minimumDurationSeconds = max(0, minimumDurationSeconds)
        self.severity = severity
        self.criticalThreshold = criticalThreshold
    }

    /// True when `value` is on the bad side of the threshold.
    package func breaches(_ value: Double) -> Bool {
        direction == .above ? value > threshold : value < threshold
    }

    /// True when `value` is back past the clear threshold.
    package func clears(_ value: Double) -> Bool {
        direction == .above ? value < clearThreshold : value > clearThreshold
    }

    /// The severity `value` deserves.
    package func severity(for value: Double) -> AlertSeverity {
        guard let criticalThreshold else { return severity }
        let critical = direction == .above ? value > criticalThreshold : value < criticalThreshold
        return critical ? .critical : severity
    }

    /// The worse of two values: the larger for `.above`, the smaller for `.below`.
    package func worse(_ a: Double, _ b: Double) -> Double {
        direction == .above ? max(a, b) : min(a, b)
    }
}
