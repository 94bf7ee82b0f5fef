import Formatting

/// Latency quantiles of one histogram (or of several merged), in seconds; nil where they cannot be computed
/// (too few scrapes, no observations in the window, or the metric is not exposed).
package struct Quantiles: Sendable, Hashable, Codable {
    package var p50: Double?
    package var p90: Double?
    package var p95: Double?
    package var p99: Double?
    /// True when they come from the mixture of histograms whose bucket boundaries differ (instances of different
    /// engines merged): each histogram's count interpolated inside its own buckets and summed, rather than bucket
    /// counts added. Views mark such a value ("~120ms").
    package var interpolated: Bool

    package init(p50: Double? = nil, p90: Double? = nil, p95: Double? = nil, p99: Double? = nil, interpolated: Bool = false) {
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.interpolated = interpolated
    }

    /// No quantile known.
    package static let none = Quantiles()

    /// True when no quantile is known, so a view can print a single "—".
    package var isEmpty: Bool { p50 == nil && p90 == nil && p95 == nil && p99 == nil }

    /// The quantiles the dashboard asks for, in the order of the fields.
    package static let levels: [Double] = [0.5, 0.9, 0.95, 0.99]

    /// The mark an interpolated quantile carries in tables and text.
    package static let interpolatedMark = "~"

    /// One quantile as text ("120ms"), marked when interpolated ("~120ms"); `absent` when unknown.
    package func text(_ level: KeyPath<Quantiles, Double?>, absent: String) -> String {
        guard let value = self[keyPath: level] else { return absent }
        return (interpolated ? Self.interpolatedMark : "") + Format.seconds(value, absent: absent)
    }
}
