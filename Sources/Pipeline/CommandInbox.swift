import Dashboard
import Synchronization

/// Collects the user's commands from the feed's stream so a source's loop can take them without waiting, and
/// wakes a loop that sleeps until its next piece of work when a command comes first.
final class CommandInbox: Sendable {
    /// The queue lives apart from the inbox so the reading task does not keep the inbox alive.
    private final class Queue: Sendable {
        struct State {
            var commands: [FeedCommand] = []
            /// The loop waiting in `arrival()`, resumed by the next command.
            var waiter: CheckedContinuation<Void, Never>?
        }

        let state = Mutex(State())

        func append(_ command: FeedCommand) {
            let waiter = state.withLock { state in
                state.commands.append(command)
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }

        /// Returns once a command is waiting, or once the calling task is cancelled.
        func arrival() async {
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let now = state.withLock { state in
                        // Cancelled before the continuation was kept: the handler found nothing to resume.
                        guard state.commands.isEmpty, !Task.isCancelled else { return true }
                        state.waiter = continuation
                        return false
                    }
                    if now { continuation.resume() }
                }
            } onCancel: {
                let waiter = state.withLock { state in
                    defer { state.waiter = nil }
                    return state.waiter
                }
                waiter?.resume()
            }
        }
    }

    private let queue = Queue()
    private let reader: Task<Void, Never>?

    init(_ commands: AsyncStream<FeedCommand>?) {
        let queue = self.queue
        if let commands {
            reader = Task {
                for await command in commands { queue.append(command) }
            }
        } else {
            reader = nil
        }
    }

    deinit { reader?.cancel() }

    /// The commands that arrived since the last call, oldest first.
    func drain() -> [FeedCommand] {
        queue.state.withLock { state in
            defer { state.commands.removeAll() }
            return state.commands
        }
    }

    /// Waits until `timeout` has passed or a command is waiting, whichever comes first (at once when one already
    /// is); throws when the task is cancelled.
    func wait(upTo timeout: Duration) async throws {
        let queue = self.queue
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: timeout) }
            group.addTask { await queue.arrival() }
            await group.next()
            group.cancelAll()
        }
        try Task.checkCancellation()
    }
}
