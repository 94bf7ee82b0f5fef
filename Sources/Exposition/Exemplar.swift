/// An OpenMetrics exemplar attached to a sample: `… 0.05 # {request_id="x"} 0.04 1.7e9`.
public struct Exemplar: Sendable, Hashable {
    public var labels: Labels
    public var value: Double
    /// Seconds since the Unix epoch, as OpenMetrics writes it.
    public var timestamp: Double?

    public init(labels: Labels, value: Double, timestamp: Double? = nil) {
        self.labels = labels
        self.value = value
        self.timestamp = timestamp
    }
}
