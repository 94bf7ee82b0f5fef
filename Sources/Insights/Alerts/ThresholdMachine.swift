/// The state of one rule for one subject, stepped once per snapshot: idle → pending (the condition holds but
/// not yet for the minimum duration) → firing → idle again once the value is back past the clear threshold.
///
/// Pending falls back to idle the moment the condition stops holding, so the minimum duration means
/// "without interruption"; firing ignores dips that stay on the bad side of the clear threshold, so a value
/// wobbling around the threshold fires once. A missing value (the subject vanished, its exporter went
/// stale) ends a firing alert, because nothing any longer says the condition holds.
package struct ThresholdMachine: Sendable, Hashable {
    package enum Phase: Sendable, Hashable {
        case idle
        /// The condition has held since this time.
        case pending(sinceMs: Int64)
        /// The condition began at `sinceMs` and held long enough to fire at `firedMs`.
        case firing(sinceMs: Int64, firedMs: Int64)
    }

    /// What one step changed.
    package enum Change: Sendable, Hashable {
        case fired
        case escalated
        case resolved
    }

    package private(set) var phase: Phase = .idle
    /// The worst value since the condition began (pending or firing), nil when idle.
    package private(set) var peak: Double?
    /// The value of the last step.
    package private(set) var current: Double?
    package private(set) var severity: AlertSeverity = .warn

    package init() {}

    package var isFiring: Bool {
        if case .firing = phase { return true }
        return false
    }

    package var isIdle: Bool { phase == .idle }

    /// Advances the machine to `timeMs` with the subject's current value under `rule`.
    package mutating func step(timeMs: Int64, value: Double?, rule: AlertRule) -> Change? {
        current = value
        switch phase {
        case .idle:
            guard let value, rule.breaches(value) else { return nil }
            peak = value
            severity = rule.severity(for: value)
            phase = .pending(sinceMs: timeMs)
            return fireIfDue(sinceMs: timeMs, timeMs: timeMs, rule: rule)
        case .pending(let since):
            guard let value, rule.breaches(value) else {
                reset()
                return nil
            }
            note(value, rule: rule)
            return fireIfDue(sinceMs: since, timeMs: timeMs, rule: rule)
        case .firing:
            guard let value, !rule.clears(value) else {
                reset()
                return .resolved
            }
            let before = severity
            note(value, rule: rule)
            return severity > before ? .escalated : nil
        }
    }

    private mutating func note(_ value: Double, rule: AlertRule) {
        peak = rule.worse(peak ?? value, value)
        severity = max(severity, rule.severity(for: value))
    }

    private mutating func fireIfDue(sinceMs: Int64, timeMs: Int64, rule: AlertRule) -> Change? {
        guard Double(timeMs - sinceMs) >= rule.minimumDurationSeconds * 1000 else { return nil }
        phase = .firing(sinceMs: sinceMs, firedMs: timeMs)
        return .fired
    }

    private mutating func reset() {
        phase = .idle
        peak = nil
        severity = .warn
    }
}
