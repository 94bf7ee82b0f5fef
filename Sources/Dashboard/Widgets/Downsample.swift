/// Fits a series that spans a time window into fewer columns without changing the window it spans.
package enum Downsample {
    /// The mean of the present, finite values falling on each of `count` equal slices of `values` (nil where a
    /// slice has none). With `count` at or above `values.count`, the values come back unchanged.
    package static func mean(_ values: [Double?], to count: Int) -> [Double?] {
        guard count > 0, values.count > count else { return count > 0 ? values : [] }
        return (0..<count).map { column in
            let lower = column * values.count / count
            let upper = max(lower + 1, (column + 1) * values.count / count)
            // Summed in place, in order (the same sum as collecting the values first, without two arrays per column:
            // every sparkline of every row fits its window's points into its width on every frame).
            var sum = 0.0
            var present = 0
            for case let value? in values[lower..<min(upper, values.count)] where value.isFinite {
                sum += value
                present += 1
            }
            return present == 0 ? nil : sum / Double(present)
        }
    }
}
