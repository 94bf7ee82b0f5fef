/// One cumulative bucket of a histogram: observations `≤ upperBound` (read from the `le` label).
package struct HistogramBucket: Sendable, Hashable {
    package var upperBound: Double
    /// A cumulative count, or a count increase / rate over a window.
    package var count: Double

    package init(upperBound: Double, count: Double) {
        self.upperBound = upperBound
        self.count = count
    }

    /// Parses an `le` label value (`0.5`, `1e+06`, `+Inf`), or nil when it is not a number.
    package static func parseBound(_ text: String) -> Double? {
        switch text {
        case "+Inf", "Inf", "+inf", "inf": return .infinity
        default: return Double(text)
        }
    }
}
