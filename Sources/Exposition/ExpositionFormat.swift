/// The two text formats infertop reads and writes.
package enum ExpositionFormat: String, Sendable, Hashable {
    /// Prometheus text format 0.0.4: timestamps in integer milliseconds.
    case text
    /// OpenMetrics 1.0: timestamps in float seconds, exemplars, `# UNIT`, ends with `# EOF`.
    case openMetrics

    /// The format a `Content-Type` header names, or nil when it names neither.
    package init?(contentType: String) {
        let lowered = contentType.lowercased()
        if lowered.contains("application/openmetrics-text") {
            self = .openMetrics
        } else if lowered.contains("text/plain") {
            self = .text
        } else {
            return nil
        }
    }
}
