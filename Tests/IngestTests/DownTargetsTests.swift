import Foundation
import Harness
import Testing

@testable import Ingest

/// Issue 14, class 5: a refused connection is an answer, not something to wait out. A round over many targets
/// that refuse ends about as soon as they all refused, not after one timeout per batch of the pool.
@Suite struct DownTargetsTests {
    @Test func refusingTargetsDoNotHoldTheirSlotUntilTheTimeout() async throws {
        var configuration = IngestConfiguration()
        configuration.targets = try LoopbackPageServer.freePorts(200).map { try ScrapeTarget(address: "127.0.0.1:\($0)") }
        configuration.timeoutSeconds = 20
        configuration.concurrency = 8
        let round = try ScrapeRound(configuration: configuration)
        let clock = ContinuousClock()
        let started = clock.now
        let results = await round.read()
        let elapsed = clock.now - started
        await round.shutdown()
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0.error?.contains("refused") == true })
        // Waiting out the timeout would take 200 / 8 × 20 s; refusals answer at once (a bound, not a timing).
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
