/// Latency quantiles of one histogram (or of several merged), in seconds; nil where they cannot be computed
/// (too few scrapes, no observations in the window, or the metric is not exposed).
public struct Quantiles: Sendable, Hashable, Codable {
    public var p50: Double?
    public var p90: Double?
    public var p95: Double?
    public var p99: Double?

    public init(p50: Double? = nil, p90: Double? = nil, p95: Double? = nil, p99: Double? = nil) {
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
    }

    /// No quantile known.
    public static let none = Quantiles()

    /// True when no quantile is known, so a view can print a single "—".
    public var isEmpty: Bool { p50 == nil && p90 == nil && p95 == nil && p99 == nil }

    /// The quantiles the dashboard asks for, in the order of the fields.
    public static let levels: [Double] = [0.5, 0.9, 0.95, 0.99]
}
