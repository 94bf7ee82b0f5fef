/// When each target is read: a start offset spread over the first interval (so hundreds of targets do
/// not all connect in the same millisecond), a small jitter on every interval, and an exponential
/// back-off for a target that keeps failing. Pure: the random generator is passed in.
package struct ScrapeSchedule: Sendable, Equatable {
    package var interval: Duration
    /// The jitter, as a fraction of the interval, each way (0.1 = ±10 %).
    package var jitterFraction: Double
    /// The longest wait between two tries of a failing target.
    package var maxBackoff: Duration

    package init(interval: Duration, jitterFraction: Double = 0.1, maxBackoff: Duration = .seconds(30)) {
        self.interval = interval
        self.jitterFraction = jitterFraction
        self.maxBackoff = max(maxBackoff, interval)
    }

    /// The first read's offset from the start: uniform in [0, interval).
    package func startOffset(using generator: inout some RandomNumberGenerator) -> Duration {
        interval * Double.random(in: 0..<1, using: &generator)
    }

    /// The wait from the start of one read to the start of the next. After `failures` failures in a row the
    /// base wait doubles each time from the third failure on (a target that blips once is retried at
    /// full speed), up to `maxBackoff`.
    package func delay(afterFailures failures: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let doublings = max(0, min(failures - 2, 16))
        let base = min(interval * Double(1 << doublings), maxBackoff)
        let jitter = jitterFraction > 0 ? Double.random(in: -jitterFraction...jitterFraction, using: &generator) : 0
        return base * (1 + jitter)
    }
}
