/// An alert that is firing now: what the strip on the overview shows.
package struct Alert: Sendable, Hashable, Identifiable {
    package var rule: AlertRuleKind
    package var subject: AlertSubject
    package var severity: AlertSeverity
    /// When the condition began (before the minimum duration had passed), ms since the epoch.
    package var sinceMs: Int64
    /// When it had held long enough to fire.
    package var firedMs: Int64
    /// The worst value since it began.
    package var peak: Double
    /// The value in the newest snapshot.
    package var current: Double?
    /// The event of the event log that records it.
    package var eventID: Int

    package var id: String { "\(rule.rawValue)|\(subject.kind.rawValue)|\(subject.id)" }

    package init(
        rule: AlertRuleKind, subject: AlertSubject, severity: AlertSeverity, sinceMs: Int64, firedMs: Int64,
        peak: Double, current: Double?, eventID: Int
    ) {
        self.rule = rule
        self.subject = subject
        self.severity = severity
        self.sinceMs = sinceMs
        self.firedMs = firedMs
        self.peak = peak
        self.current = current
        self.eventID = eventID
    }

    /// A one-line description: "VRAM high gpu-node-00/3: 96.1% (peak 97.0%)".
    package var summary: String {
        "\(rule.title) \(subject.label): \(rule.format(current)) (peak \(rule.format(peak)))"
    }
}
