import Formatting

/// One latency figure and what kind it is: a quantile from a histogram, or a mean from counted time (engines
/// that keep no histogram). Views mark a mean ("μ12ms") where others show quantiles, so the two are never
/// compared as if they were the same statistic.
package struct LatencyFigure: Sendable, Hashable {
    package var seconds: Double
    package var isMean: Bool

    package init(seconds: Double, isMean: Bool) {
        self.seconds = seconds
        self.isMean = isMean
    }

    /// The mark a mean carries in tables and text.
    package static let meanMark = "μ"

    /// "12ms", or "μ12ms" for a mean; `absent` when there is no figure.
    package static func text(_ figure: LatencyFigure?, absent: String) -> String {
        guard let figure else { return absent }
        return (figure.isMean ? meanMark : "") + Format.seconds(figure.seconds, absent: absent)
    }
}
