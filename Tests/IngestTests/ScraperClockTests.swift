import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Ingest

/// A clock whose sleeps take no real time: each sleep is recorded and advances virtual time.
final class VirtualClock: Sendable {
    private let state = Mutex<(now: Duration, sleeps: [Duration])>((.zero, []))

    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    var clock: IngestClock {
        IngestClock(
            now: { self.state.withLock { $0.now } },
            sleep: { duration in
                self.state.withLock {
                    $0.now += duration
                    $0.sleeps.append(duration)
                }
                try Task.checkCancellation()
                await Task.yield()
            },
            wallMs: { 1_800_000_000_000 + Int64(self.state.withLock { $0.now }.seconds * 1000) })
    }
}

@Suite("Scraper timing with an injected clock")
struct ScraperClockTests {
    @Test("a failing target starts at its seeded offset, then backs off exponentially to the cap")
    func backoff() async throws {
        let virtual = VirtualClock()
        let target = try ScrapeTarget(address: "file:///nonexistent/infertop/page.prom")
        let configuration = IngestConfiguration(targets: [target], intervalSeconds: 1, seed: 5)
        let log = ResultLog()
        let scraper = try Scraper(configuration: configuration, clock: virtual.clock) { await log.append($0) }
        await scraper.start()
        let enough = await Polling.until(timeout: .seconds(60)) { await log.all.count >= 10 }
        await scraper.stop()
        try #require(enough, "ten results did not arrive within 60 s")

        let results = await log.all
        #expect(results.prefix(10).map(\.consecutiveFailures) == Array(1...10))
        #expect(results.allSatisfy { $0.error?.contains("no such file") == true })
        let sleeps = virtual.sleeps
        var generator = SeededGenerator(seed: SeededGenerator.seed(5, target: target.id))
        let schedule = ScrapeSchedule(interval: .seconds(1))
        #expect(sleeps.first == schedule.startOffset(using: &generator))
        // Reads take no virtual time, so each later sleep is exactly the schedule's delay.
        for (index, sleep) in sleeps.dropFirst().prefix(9).enumerated() {
            #expect(sleep == schedule.delay(afterFailures: index + 1, using: &generator), "sleep \(index + 1)")
        }
        try #require(sleeps.count > 8 && results.count > 1)
        #expect(sleeps[8] > .seconds(25) && sleeps[8] <= .seconds(33))
        // Result times follow the virtual clock.
        let gapMs = Double(results[1].timeMs - results[0].timeMs)
        #expect(abs(gapMs - sleeps[1].seconds * 1000) <= 1)
    }

    @Test("the concurrency cap is never exceeded")
    func cap() async {
        let limiter = ConcurrencyLimiter(limit: 3)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    await limiter.withSlot {
                        gauge.enter()
                        try? await Task.sleep(for: .milliseconds(5))
                        gauge.leave()
                    }
                }
            }
        }
        #expect(gauge.peak == 3)
    }

    @Test("targets can be replaced while running; removed ones stop")
    func retarget() async throws {
        let virtual = VirtualClock()
        let a = try ScrapeTarget(address: "file:///nonexistent/a.prom")
        let b = try ScrapeTarget(address: "file:///nonexistent/b.prom")
        let scraper = try Scraper(configuration: IngestConfiguration(targets: [a]), clock: virtual.clock) { _ in }
        await scraper.start()
        #expect(await scraper.targetIDs == [a.id])
        await scraper.setTargets([b])
        #expect(await scraper.targetIDs == [b.id])
        await scraper.stop()
        #expect(await scraper.targetIDs.isEmpty)
    }
}

/// Counts tasks inside a section and the most at once.
final class Gauge: Sendable {
    private let state = Mutex((current: 0, peak: 0))

    var peak: Int { state.withLock { $0.peak } }

    func enter() {
        state.withLock {
            $0.current += 1
            $0.peak = max($0.peak, $0.current)
        }
    }

    func leave() {
        state.withLock { $0.current -= 1 }
    }
}
