import Foundation

/// The time sources ingest uses, injected so tests decide what "now" is and how long a sleep lasts.
package struct IngestClock: Sendable {
    /// Monotonic time since an arbitrary origin, for scheduling and durations.
    package var now: @Sendable () -> Duration
    /// Suspends for the given time; throws when the task is cancelled.
    package var sleep: @Sendable (Duration) async throws -> Void
    /// Wall-clock time in milliseconds since the epoch, stamped on results.
    package var wallMs: @Sendable () -> Int64

    package init(
        now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void,
        wallMs: @escaping @Sendable () -> Int64
    ) {
        self.now = now
        self.sleep = sleep
        self.wallMs = wallMs
    }

    /// The real clocks.
    package static let live: IngestClock = {
        let clock = ContinuousClock()
        let origin = clock.now
        return IngestClock(
            now: { clock.now - origin },
            sleep: { duration in try await EventLoopExecutor.sleep(for: duration) },
            wallMs: { Int64((Date().timeIntervalSince1970 * 1000).rounded()) })
    }()
}

extension Duration {
    /// The duration in seconds as a Double, for display and arithmetic.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
