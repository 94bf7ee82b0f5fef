/// What Prometheus' rate extrapolation (v2.x `extrapolatedRate`) takes from the window and from when its first
/// and last samples were taken, apart from the values: computed once per window and shared by every series sampled
/// at the same scrapes (in the usual case, all of a target's series), so each of a frame's tens of thousands of rates
/// is left a subtraction, a multiplication and a division. The arithmetic is `CounterRate.extrapolate`'s, operation
/// for operation, so a rate is the same to the last bit whichever way it was computed.
struct Extrapolation: Sendable, Hashable {
    let sampledInterval: Double
    let durationToStart: Double
    let averageInterval: Double
    /// The term the window's end adds to the sampled interval.
    let endTerm: Double
    /// `sampledInterval` extended to the edges, over `sampledInterval`, for a counter that need not be held at zero.
    let factor: Double
    let windowSeconds: Double

    /// Nil when no rate can be taken: fewer than two samples, two at one time, or an empty window.
    init?(count: Int, firstMs: Int64, lastMs: Int64, windowStartMs: Int64, windowEndMs: Int64) {
        guard count >= 2, lastMs > firstMs, windowEndMs > windowStartMs else { return nil }
        durationToStart = Double(firstMs - windowStartMs) / 1000
        let durationToEnd = Double(windowEndMs - lastMs) / 1000
        sampledInterval = Double(lastMs - firstMs) / 1000
        averageInterval = sampledInterval / Double(count - 1)
        endTerm = durationToEnd < averageInterval * 1.1 ? durationToEnd : averageInterval / 2
        windowSeconds = Double(windowEndMs - windowStartMs) / 1000
        factor = Self.extended(sampledInterval, toStart: durationToStart, averageInterval, endTerm) / sampledInterval
    }

    /// The sampled interval with the start's and then the end's term added (extrapolating to an edge only when a
    /// sample would be expected there, with 10 % allowance for jitter).
    private static func extended(
        _ sampledInterval: Double, toStart durationToStart: Double, _ averageInterval: Double, _ endTerm: Double
    ) -> Double {
        var extrapolateTo = sampledInterval
        extrapolateTo += durationToStart < averageInterval * 1.1 ? durationToStart : averageInterval / 2
        extrapolateTo += endTerm
        return extrapolateTo
    }

    /// The rate of `increase` (resets already added back) from a first sample of `firstValue`; nil when it is not
    /// finite.
    @inline(__always) func rate(increase: Double, firstValue: Double, isCounter: Bool, reset: Bool) -> CounterRate? {
        var factor = factor
        // A counter cannot go below zero: do not extrapolate past the point where it would be zero. That point lies
        // at least `sampledInterval` before the first sample when the first value is at least the increase (the
        // quotient then rounds to at least 1), so only a counter that grew by more than it held works it out.
        if isCounter && increase > 0 && firstValue >= 0 && !(firstValue >= increase && sampledInterval >= durationToStart) {
            let durationToZero = sampledInterval * (firstValue / increase)
            if durationToZero < durationToStart {
                factor = Self.extended(sampledInterval, toStart: durationToZero, averageInterval, endTerm) / sampledInterval
            }
        }
        let extrapolated = increase * factor
        let perSecond = extrapolated / windowSeconds
        guard extrapolated.isFinite, perSecond.isFinite else { return nil }
        return CounterRate(increase: extrapolated, perSecond: perSecond, reset: reset)
    }
}
