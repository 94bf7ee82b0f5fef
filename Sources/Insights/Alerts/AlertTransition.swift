/// One change that an evaluation made to the set of firing alerts: what a notifier or a log line reports.
public struct AlertTransition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case fired, escalated, resolved
    }

    public var kind: Kind
    /// The alert as it stood at the change (for `resolved`, as it was when it last fired).
    public var alert: Alert
    /// The snapshot time of the change.
    public var timeMs: Int64

    public init(kind: Kind, alert: Alert, timeMs: Int64) {
        self.kind = kind
        self.alert = alert
        self.timeMs = timeMs
    }
}
