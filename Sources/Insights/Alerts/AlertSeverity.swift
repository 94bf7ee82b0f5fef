/// How urgent an alert is: the strip and the event log colour `warn` and `critical` differently.
package enum AlertSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warn, critical

    package static func < (lhs: AlertSeverity, rhs: AlertSeverity) -> Bool {
        lhs == .warn && rhs == .critical
    }
}
