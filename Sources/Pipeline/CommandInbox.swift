import Dashboard
import Synchronization

/// Collects the user's commands from the feed's stream so a source's loop can take them without waiting.
final class CommandInbox: Sendable {
    /// The queue lives apart from the inbox so the reading task does not keep the inbox alive.
    private final class Queue: Sendable {
        let commands = Mutex<[FeedCommand]>([])
    }

    private let queue = Queue()
    private let reader: Task<Void, Never>?

    init(_ commands: AsyncStream<FeedCommand>?) {
        let queue = self.queue
        if let commands {
            reader = Task {
                for await command in commands { queue.commands.withLock { $0.append(command) } }
            }
        } else {
            reader = nil
        }
    }

    deinit { reader?.cancel() }

    /// The commands that arrived since the last call, oldest first.
    func drain() -> [FeedCommand] {
        queue.commands.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
