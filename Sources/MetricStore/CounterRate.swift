/// The increase and per-second rate of a counter over a window, computed the way Prometheus' `rate()` and
/// `increase()` do (v2.x `extrapolatedRate`), so that the numbers match a Grafana panel fed by Prometheus.
package struct CounterRate: Sendable, Hashable {
    /// The increase over the window, counter resets added back, extrapolated to the window's edges.
    package var increase: Double
    /// `increase` divided by the window length in seconds.
    package var perSecond: Double
    /// True when the counter went down inside the window: the process restarted and counting began at zero.
    package var reset: Bool

    package init(increase: Double, perSecond: Double, reset: Bool) {
        self.increase = increase
        self.perSecond = perSecond
        self.reset = reset
    }

    /// Computes the rate from the samples inside `[windowStartMs, windowEndMs]`, oldest first.
    ///
    /// - Returns: nil with fewer than two samples (a rate needs two points) or when two samples share
    ///   one time; never NaN.
    package static func compute<Points: Collection>(
        _ points: Points, windowStartMs: Int64, windowEndMs: Int64,
        isCounter: Bool = true
    ) -> CounterRate?
    where Points.Element == (timeMs: Int64, value: Double) {
        guard points.count >= 2, let first = points.first else { return nil }
        var last = first
        var result = 0.0
        var resetCorrection = 0.0
        var previous = first.value
        for point in points.dropFirst() {
            if isCounter && point.value < previous { resetCorrection += previous }
            previous = point.value
            last = point
        }
        result = last.value - first.value + resetCorrection
        return extrapolate(
            increase: result, count: points.count, first: first, last: last,
            windowStartMs: windowStartMs, windowEndMs: windowEndMs, isCounter: isCounter,
            reset: resetCorrection > 0)
    }

    /// The extrapolation step alone, for callers that already know the first and last samples, their number
    /// and the reset-corrected increase (the store's fast path, which does not walk the window).
    package static func extrapolate(
        increase: Double, count: Int, first: (timeMs: Int64, value: Double),
        last: (timeMs: Int64, value: Double), windowStartMs: Int64,
        windowEndMs: Int64, isCounter: Bool = true, reset: Bool
    ) -> CounterRate? {
        Extrapolation(
            count: count, firstMs: first.timeMs, lastMs: last.timeMs, windowStartMs: windowStartMs,
            windowEndMs: windowEndMs
        )?.rate(increase: increase, firstValue: first.value, isCounter: isCounter, reset: reset)
    }
}
