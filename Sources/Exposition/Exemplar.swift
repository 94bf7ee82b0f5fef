/// An OpenMetrics exemplar attached to a sample: `… 0.05 # {request_id="x"} 0.04 1.7e9`.
package struct Exemplar: Sendable, Hashable {
    package var labels: Labels
    package var value: Double
    /// Seconds since the Unix epoch, as OpenMetrics writes it.
    package var timestamp: Double?

    package init(labels: Labels, value: Double, timestamp: Double? = nil) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}
