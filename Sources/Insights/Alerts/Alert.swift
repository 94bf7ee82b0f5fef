/// An alert that is firing now: what the strip on the overview shows.
public struct Alert: Sendable, Hashable, Identifiable {
    public var rule: AlertRuleKind
    public var subject: AlertSubject
    public var severity: AlertSeverity
    /// When the condition began (before the minimum duration had passed), ms since the epoch.
    public var sinceMs: Int64
    /// When it had held long enough to fire.
    public var firedMs: Int64
    /// The worst value since it began.
    public var peak: Double
    /// The value in the newest snapshot.
    public var current: Double?
    /// The event of the event log that records it.
    public var eventID: Int

    public var id: String { "\(rule.rawValue)|\(subject.kind.rawValue)|\(subject.id)" }

    public init(rule: AlertRuleKind, subject: AlertSubject, severity: AlertSeverity, sinceMs: Int64, firedMs: Int64,
                peak: Double, current: Double?, eventID: Int) {
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
    public var summary: String {
        "\(rule.title) \(subject.label): \(rule.format(current)) (peak \(rule.format(peak)))"
    }
}
