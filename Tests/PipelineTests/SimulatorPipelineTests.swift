import ClusterModel
import Dashboard
import Foundation
import Ingest
import Pipeline
import Simulator
import TestSupport
import Testing

/// The whole path on the simulator: its pages → parser → store → cluster picture, as the dashboard sees it.
@Suite struct SimulatorPipelineTests {
    private func run(_ options: SimulationOptions, seconds: Int) -> ClusterPipeline {
        var simulator = ClusterSimulator(options: options)
        var pipeline = ClusterPipeline()
        for _ in 0..<seconds {
            simulator.advance(byMs: 1000)
            for result in SimulatorSource.scrapes(of: simulator) { pipeline.ingest(result) }
            pipeline.frame()
        }
        return pipeline
    }

    @Test func steadyClusterShowsEveryGPUAndServingInstances() throws {
        let options = SimulationOptions(scenario: .steady, seed: 3)
        let simulator = ClusterSimulator(options: options)
        let pipeline = run(options, seconds: 90)
        let snapshot = pipeline.latest
        #expect(snapshot.gpus.count == options.resolvedNodes * options.resolvedGPUsPerNode)
        #expect(snapshot.gpus.allSatisfy { $0.vramTotalBytes != nil && $0.utilization != nil })
        let engines = simulator.targets.filter { $0.kind == .engine }.count
        #expect(snapshot.instances.count >= engines)
        let ready = snapshot.instances.filter { $0.state == .ready }
        #expect(!ready.isEmpty)
        #expect(ready.contains { ($0.generationTokensPerSecond ?? 0) > 0 })
        #expect(snapshot.totals.generationTokensPerSecond.map { $0 > 0 } == true)
        #expect(snapshot.targets.allSatisfy { $0.up })
        #expect(pipeline.history.frameCount == 90)
    }

    @Test func coldStartShowsLoadingInstances() {
        let pipeline = run(SimulationOptions(scenario: .coldStart, seed: 1), seconds: 30)
        #expect(pipeline.latest.instances.contains { $0.state == .loading })
    }

    @Test func liveFeedPublishesNewGenerations() async {
        let feed = LiveFeed(source: "test")
        let driver = PipelineDriver(pipeline: ClusterPipeline(), feed: feed, source: "test", intervalSeconds: 1)
        #expect(feed.latest().generation == 0)
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .steady, seed: 1))
        simulator.advance(byMs: 1000)
        await driver.deliver(SimulatorSource.scrapes(of: simulator))
        await driver.publish()
        #expect(feed.latest().generation == 1)
        #expect(feed.latest().snapshot.gpus.count > 0)
        await driver.publish()
        #expect(feed.latest().generation == 1, "no new scrape, no new frame")
    }

    /// The screen sleeps in poll(2) until the feed rings: a published frame makes the wake pipe readable, and
    /// draining it makes the next poll wait again.
    @Test func publishingAFrameRingsTheFeedsWakePipe() async throws {
        let feed = LiveFeed(source: "test")
        let wake = try #require(feed.wake)
        func readable() -> Bool {
            var descriptor = pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)
            return poll(&descriptor, 1, 0) == 1
        }
        #expect(!readable())
        let driver = PipelineDriver(pipeline: ClusterPipeline(), feed: feed, source: "test", intervalSeconds: 1)
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .steady, seed: 1))
        simulator.advance(byMs: 1000)
        await driver.deliver(SimulatorSource.scrapes(of: simulator))
        await driver.publish()
        #expect(readable())
        wake.drain()
        #expect(!readable())
    }

    @Test func simulatorSourceRunsUntilCancelled() async throws {
        let feed = LiveFeed(source: "sim")
        let source = SimulatorSource(
            options: SimulationOptions(scenario: .steady, seed: 2), warmUpMs: 5000,
            sleep: { _ in await Task.yield() })
        let driver = PipelineDriver(
            pipeline: ClusterPipeline(), feed: feed, source: source.description,
            intervalSeconds: source.intervalSeconds)
        let task = Task { try await source.run(driver: driver, commands: nil) }
        let grew = await Polling.until(timeout: .seconds(30)) { feed.latest().generation > 8 }
        task.cancel()
        #expect(grew)
        #expect(feed.latest().source.contains("simulator steady seed 2"))
    }
}
