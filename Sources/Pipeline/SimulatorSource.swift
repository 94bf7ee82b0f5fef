import Dashboard
import Exposition
import Ingest
import Simulator

/// The built-in cluster simulator as a source: its targets are read in process (no HTTP), at the scrape
/// interval in virtual time, paced against real time by the scenario's speed.
package struct SimulatorSource: ClusterSource {
    package let options: SimulationOptions
    package let intervalMs: Int64
    /// Virtual time simulated before the first frame, so charts and rates start filled.
    package let warmUpMs: Int64
    private let sleep: @Sendable (Duration) async throws -> Void

    package init(
        options: SimulationOptions, intervalMs: Int64 = 1000, warmUpMs: Int64 = 60_000,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.options = options
        self.intervalMs = max(1, intervalMs)
        self.warmUpMs = max(0, warmUpMs)
        self.sleep = sleep
    }

    package var description: String {
        "simulator \(options.scenario.rawValue) seed \(options.seed)"
            + (options.speed == 1 ? "" : " ×\(SimulatorSource.format(options.speed))")
    }

    package var intervalSeconds: Double? { Double(intervalMs) / 1000 }

    package func run(driver: PipelineDriver, commands: AsyncStream<FeedCommand>?) async throws {
        let state = TickState(simulator: ClusterSimulator(options: options))
        if warmUpMs > 0 { await warmUp(state, driver: driver) }
        let pause = Duration.milliseconds(Int64(Double(intervalMs) / max(options.speed, 0.001)))
        while !Task.isCancelled {
            try await sleep(pause)
            await driver.deliver(await state.next(intervalMs: intervalMs).value)
            await driver.publish()
        }
    }

    /// Simulates `warmUpMs` tick by tick into the driver, publishing only the last frame. The warm-up stands
    /// between launch and the first frame, so the next tick is simulated and parsed ahead, on another core, while
    /// the driver stores the one before and builds its frame.
    private func warmUp(_ state: TickState, driver: PipelineDriver) async {
        let end = state.simulator.nowMs + warmUpMs
        var ahead = state.next(intervalMs: intervalMs)
        while true {
            let scrapes = await ahead.value
            let done = state.simulator.nowMs >= end
            if !done { ahead = state.next(intervalMs: intervalMs) }
            await driver.deliver(scrapes)
            await driver.publish(toFeed: done)
            if done { return }
        }
    }

    /// The simulator and the reader of its targets' pages, advanced by a task of their own (during the warm-up,
    /// while the driver takes the scrapes before). Mutated in place (copies would copy every page the parsers
    /// keep); only the task that `next` starts touches them until its value has been awaited, so they are never
    /// shared.
    private final class TickState: @unchecked Sendable {
        var simulator: ClusterSimulator
        var scraper = SimulatorScraper()

        init(simulator: ClusterSimulator) {
            self.simulator = simulator
        }

        /// Starts the next tick: the simulator one interval on, and its targets' scrapes.
        func next(intervalMs: Int64) -> Task<[ScrapeResult], Never> {
            Task {
                simulator.advance(byMs: intervalMs)
                return scraper.scrapes(of: simulator)
            }
        }
    }

    /// One scrape of every simulated target at the simulator's current time (see `SimulatorScraper`).
    package static func scrapes(of simulator: ClusterSimulator) -> [ScrapeResult] {
        var scraper = SimulatorScraper()
        return scraper.scrapes(of: simulator)
    }

    private static func format(_ speed: Double) -> String {
        speed == speed.rounded() ? String(Int(speed)) : String(speed)
    }
}
