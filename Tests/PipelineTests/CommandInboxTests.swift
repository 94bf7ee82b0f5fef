import Dashboard
import Testing

@testable import Pipeline

/// The replay's loop sleeps until its next round is due; a key pressed meanwhile must wake it at once, and
/// leaving the replay must not wait for the sleep to end.
@Suite struct CommandInboxTests {
    /// Long enough that a wait which ends before it was ended by something else.
    static let long = Duration.seconds(600)
    static let bound = Duration.seconds(60)

    @Test func aCommandEndsTheWait() async throws {
        let (commands, continuation) = AsyncStream<FeedCommand>.makeStream()
        let inbox = CommandInbox(commands)
        let clock = ContinuousClock()
        let start = clock.now
        async let waited: Void = inbox.wait(upTo: Self.long)
        continuation.yield(.pause)
        try await waited
        #expect(clock.now - start < Self.bound)
        #expect(inbox.drain() == [.pause])
    }

    @Test func aWaitingCommandEndsTheWaitAtOnce() async throws {
        let (commands, continuation) = AsyncStream<FeedCommand>.makeStream()
        let inbox = CommandInbox(commands)
        continuation.yield(.resume)
        // The inbox's reader takes the command in its own time; the wait ends once it has, or at once.
        let clock = ContinuousClock()
        let start = clock.now
        try await inbox.wait(upTo: Self.long)
        #expect(clock.now - start < Self.bound)
        #expect(inbox.drain() == [.resume])
        // Drained: the next wait lasts its time.
        let before = clock.now
        try await inbox.wait(upTo: .milliseconds(20))
        #expect(clock.now - before >= .milliseconds(20))
    }

    @Test func cancellingEndsTheWaitWithAnError() async throws {
        let (commands, continuation) = AsyncStream<FeedCommand>.makeStream()
        defer { continuation.finish() }
        let inbox = CommandInbox(commands)
        let clock = ContinuousClock()
        let start = clock.now
        let waiting = Task { try await inbox.wait(upTo: Self.long) }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(clock.now - start < Self.bound)
    }
}
