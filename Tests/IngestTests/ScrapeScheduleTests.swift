import Ingest
import Testing

@Suite("Scrape schedule")
struct ScrapeScheduleTests {
    @Test("start offsets spread over one interval and are the same for the same seed")
    func stagger() {
        let schedule = ScrapeSchedule(interval: .seconds(1))
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        let offsets = (0..<256).map { _ in schedule.startOffset(using: &a) }
        #expect(offsets == (0..<256).map { _ in schedule.startOffset(using: &b) })
        #expect(offsets.allSatisfy { $0 >= .zero && $0 < .seconds(1) })
        // Spread, not bunched: every tenth of the interval gets some targets.
        let deciles = Set(offsets.map { Int($0.components.attoseconds / 100_000_000_000_000_000) })
        #expect(deciles.count == 10)
    }

    @Test("jitter stays within ±10 % and varies")
    func jitter() {
        let schedule = ScrapeSchedule(interval: .seconds(2))
        var generator = SeededGenerator(seed: 1)
        let delays = (0..<200).map { _ in schedule.delay(afterFailures: 0, using: &generator) }
        #expect(delays.allSatisfy { $0 >= .milliseconds(1800) && $0 <= .milliseconds(2200) })
        #expect(Set(delays).count > 150)
    }

    @Test("back-off doubles from the third failure and stops at the cap")
    func backoff() {
        let schedule = ScrapeSchedule(interval: .seconds(1), jitterFraction: 0, maxBackoff: .seconds(30))
        var generator = SeededGenerator(seed: 3)
        let delays = (0...10).map { schedule.delay(afterFailures: $0, using: &generator) }
        #expect(
            delays == [
                .seconds(1), .seconds(1), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16),
                .seconds(30), .seconds(30), .seconds(30), .seconds(30),
            ])
    }

    @Test("per-target seeds differ between targets and stay put when others are added")
    func seeds() {
        #expect(SeededGenerator.seed(9, target: "a") != SeededGenerator.seed(9, target: "b"))
        #expect(SeededGenerator.seed(9, target: "a") == SeededGenerator.seed(9, target: "a"))
    }
}
