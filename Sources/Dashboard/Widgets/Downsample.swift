/// Fits a series that spans a time window into fewer columns without changing the window it spans.
package enum Downsample {
    /// The mean of the present, finite values falling on each of `count` equal slices of `values` (nil where a
    /// slice has none). With `count` at or above `values.count`, the values come back unchanged.
    package static func mean(_ values: [Double?], to count: Int) -> [Double?] {
        guard count > 0, values.count > count else { return count > 0 ? values : [] }
        return (0..<count).map { column in
            let lower = column * values.count / count
            let upper = max(lower + 1, (column + 1) * values.count / count)
            let present = values[lower..<min(upper, values.count)].compactMap { $0 }.filter(\.isFinite)
            return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
        }
    }
}
