import Formatting

/// One entry of the event log: an alert from the moment its condition began to the moment it cleared (or
/// "ongoing"), with the worst value it reached.
package struct AlertEvent: Sendable, Hashable, Identifiable {
    /// Increasing in order of firing; stable while the event stays in the log.
    package var id: Int
    package var rule: AlertRuleKind
    package var subject: AlertSubject
    package var severity: AlertSeverity
    /// When the condition began, ms since the epoch.
    package var startMs: Int64
    /// When the alert cleared; nil while it is ongoing.
    package var endMs: Int64?
    package var peak: Double

    package init(
        id: Int, rule: AlertRuleKind, subject: AlertSubject, severity: AlertSeverity, startMs: Int64,
        endMs: Int64? = nil, peak: Double
    ) {
        self.id = id
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.startMs = startMs
        self.endMs = endMs
        self.peak = peak
    }

    package var isOngoing: Bool { endMs == nil }

    /// Seconds from start to end, or to `nowMs` while ongoing.
    package func durationSeconds(nowMs: Int64) -> Double {
        Double((endMs ?? nowMs) - startMs) / 1000
    }

    /// "4m12s", or "ongoing" while it has not ended.
    package var durationText: String {
        guard let endMs else { return "ongoing" }
        return Format.duration(Double(endMs - startMs) / 1000)
    }
}
