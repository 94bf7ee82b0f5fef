/// The buckets of a heatmap: value ranges, each with a label and a level (0 = lowest values) that the
/// dashboard maps to a style role.
package struct HeatmapLegend: Sendable, Hashable {
    /// One range of values.
    package struct Bucket: Sendable, Hashable {
        /// Exclusive lower edge (nil for the first bucket).
        package var lower: Double?
        /// Inclusive upper edge (nil for the last bucket).
        package var upper: Double?
        /// "≤50%", "50–70%", ">99%".
        package var label: String
        package var level: Int
        /// Cells in this bucket.
        package var count: Int
    }

    package var metric: HeatmapMetric
    package var buckets: [Bucket]
    /// The edges between the buckets (`HeatmapMetric.edges`).
    package var edges: [Double]
    /// Cells without a value (shown as "—").
    package var absentCount: Int

    package init(
        metric: HeatmapMetric, thresholds: ThresholdPolicy = .default, counts: [Int]? = nil,
        absentCount: Int = 0
    ) {
        self.metric = metric
        self.absentCount = absentCount
        let edges = metric.edges(thresholds)
        self.edges = edges
        buckets = (0...edges.count).map { level in
            let lower = level == 0 ? nil : edges[level - 1]
            let upper = level == edges.count ? nil : edges[level]
            let label: String
            switch (lower, upper) {
            case (nil, let upper?): label = "≤" + metric.format(upper)
            case (let lower?, nil): label = ">" + metric.format(lower)
            case (let lower?, let upper?): label = metric.format(lower) + "–" + metric.format(upper)
            default: label = ""
            }
            return Bucket(lower: lower, upper: upper, label: label, level: level, count: counts?[level] ?? 0)
        }
    }

    /// The level of `value`, or nil when it is absent.
    package func level(of value: Double?) -> Int? {
        guard let value, value.isFinite else { return nil }
        var level = 0
        // Strictly above, as `ThresholdPolicy.verdict` and the alert rules compare.
        for edge in edges where value > edge { level += 1 }
        return level
    }
}
