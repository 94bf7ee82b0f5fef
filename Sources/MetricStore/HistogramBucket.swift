/// One cumulative bucket of a histogram: observations `≤ upperBound` (read from the `le` label).
public struct HistogramBucket: Sendable, Hashable {
    public var upperBound: Double
    /// A cumulative count, or a count increase / rate over a window.
    public var count: Double

    public init(upperBound: Double, count: Double) {
        self.upperBound = upperBound
        self.count = count
    }

    /// Parses an `le` label value (`0.5`, `1e+06`, `+Inf`), or nil when it is not a number.
    public static func parseBound(_ text: String) -> Double? {
        switch text {
        case "+Inf", "Inf", "+inf", "inf": return .infinity
        default: return Double(text)
        }
    }
}
