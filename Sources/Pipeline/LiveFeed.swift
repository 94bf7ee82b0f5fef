import ClusterModel
import Dashboard
import Synchronization

/// The dashboard's side of a running source: the newest frame behind a lock, and the user's commands
/// queued for the source. `latest()` never waits on a scrape, so a hung target cannot freeze the screen.
package final class LiveFeed: DashboardFeed {
    private let frame: Mutex<DashboardFrame>
    private let continuation: AsyncStream<FeedCommand>.Continuation
    /// The user's commands (pause, resume, chart window, replay moves), for the source to act on.
    package let commands: AsyncStream<FeedCommand>
    package let wake = WakePipe()

    package init(source: String) {
        frame = Mutex(.empty(source: source))
        (commands, continuation) = AsyncStream.makeStream(of: FeedCommand.self, bufferingPolicy: .bufferingNewest(64))
    }

    package func latest() -> DashboardFrame {
        frame.withLock { $0 }
    }

    package func send(_ command: FeedCommand) {
        continuation.yield(command)
    }

    /// Publishes a new frame from the pipeline's state; the generation goes up so the screen redraws.
    package func publish(
        _ pipeline: ClusterPipeline, source: String, intervalSeconds: Double?,
        replay: ReplayStatus? = nil, health: SourceHealth? = nil
    ) {
        frame.withLock { current in
            current = DashboardFrame(
                snapshot: pipeline.latest, history: pipeline.history, source: source,
                intervalSeconds: intervalSeconds, generation: current.generation + 1, replay: replay,
                alerts: pipeline.alerts, health: health)
        }
        wake?.ring()
    }

    /// Waits (polling, with a bound) until the first frame with data is published; false on time-out.
    package func waitForFirstFrame(timeout: Duration = .seconds(30)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while latest().generation == 0 {
            guard clock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return true
    }

    /// Ends the command stream (the source is gone).
    package func finish() {
        continuation.finish()
    }
}
