import Foundation

/// Waits for a condition by polling with a bound, instead of sleeping a fixed time.
package enum Polling {
    /// Polls `condition` every `interval` until it is true or `timeout` passes; returns whether it became true.
    package static func until(
        timeout: Duration = .seconds(20), interval: Duration = .milliseconds(50),
        _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: interval)
        }
        return try await condition()
    }
}
