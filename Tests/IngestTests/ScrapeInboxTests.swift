import Ingest
import Testing

@Suite("Scrape inbox")
struct ScrapeInboxTests {
    private func result(_ target: String) -> ScrapeResult {
        ScrapeResult(target: target, timeMs: 0, durationSeconds: 0, error: "x", consecutiveFailures: 1)
    }

    @Test("results come out in arrival order, once; over the capacity the oldest are dropped and counted")
    func ordersAndDrops() {
        let inbox = ScrapeInbox(capacity: 3)
        #expect(inbox.take().results.isEmpty)
        for name in ["a", "b", "c", "d", "e"] { inbox.put(result(name)) }
        let first = inbox.take()
        #expect(first.results.map(\.target) == ["c", "d", "e"])
        #expect(first.dropped == 2)
        inbox.put(result("f"))
        let second = inbox.take()
        #expect(second.results.map(\.target) == ["f"])
        #expect(second.dropped == 0)
        #expect(inbox.take().results.isEmpty)
        // Far over the capacity: still the newest three, every other one counted.
        for index in 0..<20 { inbox.put(result("r\(index)")) }
        let third = inbox.take()
        #expect(third.results.map(\.target) == ["r17", "r18", "r19"])
        #expect(third.dropped == 17)
    }
}
