import NIOCore
import NIOPosix

/// Runs a task's jobs on one of the HTTP client's event loops, so a scrape loop that prefers it (its timer, its
/// request, its response and the parse of its page) stays on one thread: each step resumes the next without
/// waking another thread, where the shared pool handed every scrape across threads some eight times.
package final class EventLoopExecutor: TaskExecutor, @unchecked Sendable {
    /// The loop the jobs run on (immutable; `EventLoop` is thread-safe).
    package let loop: any EventLoop

    package init(loop: any EventLoop) {
        self.loop = loop
    }

    /// Whether the caller runs on this executor's loop.
    package var isCurrent: Bool { loop.inEventLoop }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Suspends for `duration`: on an event loop's thread by that loop's own timer (nothing else is woken), on any
    /// other thread by `Task.sleep`. Throws `CancellationError` when the task is cancelled.
    package static func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else {
            try await Task.sleep(for: duration)
            return
        }
        let (seconds, attoseconds) = duration.components
        let nanoseconds = min(seconds, 1 << 32) * 1_000_000_000 + attoseconds / 1_000_000_000
        let scheduled = loop.scheduleTask(in: .nanoseconds(nanoseconds)) {}
        do {
            try await withTaskCancellationHandler {
                try await scheduled.futureResult.get()
            } onCancel: {
                scheduled.cancel()
            }
        } catch {
            throw CancellationError()
        }
    }
}
