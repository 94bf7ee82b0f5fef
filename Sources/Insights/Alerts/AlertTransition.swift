/// One change that an evaluation made to the set of firing alerts: what a notifier or a log line reports.
package struct AlertTransition: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case fired, escalated, resolved
    }

    package var kind: Kind
    /// The alert as it stood at the change (for `resolved`, as it was when it last fired).
    package var alert: Alert
    /// The snapshot time of the change.
    package var timeMs: Int64

    package init(kind: Kind, alert: Alert, timeMs: Int64) {
        self.kind = kind
        self.alert = alert
        self.timeMs = timeMs
    }
}
