import Foundation
import Testing

@testable import Ingest

@Suite("Event-loop executor")
struct EventLoopExecutorTests {
    @Test("a task preferring a loop runs and sleeps on it; a cancelled sleep ends at once")
    func sleepsOnTheLoopAndCancels() async throws {
        let fetcher = try HTTPFetcher(configuration: IngestConfiguration(targets: []))
        let executor = fetcher.makeExecutor()
        let clock = ContinuousClock()
        let (before, after, slept) = await Task(executorPreference: executor) {
            let before = executor.isCurrent
            let start = clock.now
            try? await EventLoopExecutor.sleep(for: .milliseconds(50))
            return (before, executor.isCurrent, clock.now - start)
        }.value
        #expect(before && after, "the task ran on the loop before and after its sleep")
        #expect(slept >= .milliseconds(50))

        let long = Task(executorPreference: executor) { () -> String in
            do {
                try await EventLoopExecutor.sleep(for: .seconds(3600))
                return "slept an hour"
            } catch is CancellationError {
                return "cancelled"
            } catch {
                return "\(error)"
            }
        }
        long.cancel()
        // Bounded: were the loop's timer not cancelled, the sleep would last the hour.
        let outcome = await withTaskGroup(of: String?.self) { group in
            group.addTask { await long.value }
            group.addTask {
                try? await Task.sleep(for: .seconds(10))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(outcome == "cancelled")
        await fetcher.shutdown()
    }

    @Test("off the client's loops the sleep is an ordinary task sleep")
    func sleepsOffTheLoop() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        try await EventLoopExecutor.sleep(for: .milliseconds(20))
        #expect(clock.now - start >= .milliseconds(20))
    }
}
