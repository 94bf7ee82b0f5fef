/// The few statistics the rules and analyses share; absent values are skipped, and an empty input gives nil
/// (never 0), so "no data" stays visible.

/// The sum of the present values, or nil when none is present.
func sum(_ values: [Double?]) -> Double? {
    var total = 0.0
    var any = false
    for case let value? in values where value.isFinite {
        total += value
        any = true
    }
    return any ? total : nil
}

/// The mean of the present values, or nil when none is present.
func mean(_ values: [Double?]) -> Double? {
    var total = 0.0
    var count = 0
    for case let value? in values where value.isFinite {
        total += value
        count += 1
    }
    return count > 0 ? total / Double(count) : nil
}

/// The largest present value, or nil.
func maximum(_ values: [Double?]) -> Double? {
    values.compactMap { $0 }.filter(\.isFinite).max()
}

/// The median of sorted values, or nil when there are none.
func median(sorted: [Double]) -> Double? {
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/// The median of `sorted` with one occurrence of `value` left out (a subject against its peers), or nil when
/// fewer than `minimumOthers` values remain or `value` is not among them. O(log n), so comparing each of
/// thousands of GPUs with its peers stays cheap.
func median(sorted: [Double], excludingOne value: Double, minimumOthers: Int) -> Double? {
    let others = sorted.count - 1
    guard others >= max(1, minimumOthers) else { return nil }
    var low = 0
    var high = sorted.count
    while low < high {
        let mid = (low + high) / 2
        if sorted[mid] < value { low = mid + 1 } else { high = mid }
    }
    guard low < sorted.count, sorted[low] == value else { return nil }
    let skipped = low
    func other(_ i: Int) -> Double { sorted[i < skipped ? i : i + 1] }
    let middle = others / 2
    return others % 2 == 1 ? other(middle) : (other(middle - 1) + other(middle)) / 2
}

/// The least-squares slope of `points` (seconds, value) per second, or nil with fewer than two distinct times.
func slope(_ points: [(seconds: Double, value: Double)]) -> Double? {
    guard points.count >= 2 else { return nil }
    let n = Double(points.count)
    let meanX = points.reduce(0) { $0 + $1.seconds } / n
    let meanY = points.reduce(0) { $0 + $1.value } / n
    var numerator = 0.0
    var denominator = 0.0
    for point in points {
        numerator += (point.seconds - meanX) * (point.value - meanY)
        denominator += (point.seconds - meanX) * (point.seconds - meanX)
    }
    return denominator > 0 ? numerator / denominator : nil
}
