import ClusterModel
import Foundation
import Ingest
import Pipeline
import Simulator
import Testing

/// A replay shows exactly what the live view showed, and seeking lands on the same picture.
@Suite struct ReplayPlayerTests {
    /// Records `seconds` of a simulator run and keeps the live pictures, by time. With `spreadMs` above 0 each
    /// round's scrapes are recorded that many milliseconds apart, as a live scraper's are, not all at once.
    private func recordRun(
        seconds: Int, scenario: Scenario = .failure, spreadMs: Int64 = 0
    ) throws -> (path: String, live: [Int64: ClusterSnapshot]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).rec").path
        let recorder = ScrapeRecorder(path: path, sources: ["simulator"], intervalSeconds: 1, version: "test")
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: scenario, seed: 9))
        var pipeline = ClusterPipeline()
        var live: [Int64: ClusterSnapshot] = [:]
        for _ in 0..<seconds {
            simulator.advance(byMs: 1000)
            for (index, var result) in SimulatorSource.scrapes(of: simulator).enumerated() {
                result.timeMs += Int64(index) * spreadMs
                try recorder.record(result)
                pipeline.ingest(result)
            }
            let snapshot = pipeline.frame()
            live[snapshot.timeMs] = snapshot
        }
        try recorder.close()
        return (path, live)
    }

    @Test func playingToTheEndReproducesEveryLiveFrame() throws {
        let (path, live) = try recordRun(seconds: 40)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var player = ReplayPlayer(source: try ReplaySource.open(path: path), intervalMs: 1000)
        var replayed: [Int64: ClusterSnapshot] = [:]
        var time = player.startTimeMs - 1000  // one round per call
        while !player.atEnd {
            time += 1000
            if player.play(toMs: time) { replayed[player.pipeline.latest.timeMs] = player.pipeline.latest }
        }
        #expect(replayed.count == live.count)
        for (time, snapshot) in live.sorted(by: { $0.key < $1.key }) {
            let replay = replayed[time]
            #expect(replay?.targets == snapshot.targets, "targets at \(time)")
            #expect(replay?.gpus == snapshot.gpus, "GPUs at \(time)")
            #expect(replay?.instances == snapshot.instances, "instances at \(time)")
            #expect(replay?.totals == snapshot.totals, "totals at \(time)")
            #expect(replay == snapshot, "frame at \(time) differs")
        }
        #expect(player.damage == nil)
    }

    /// Playing from one change to the next (what the replay's loop sleeps between) takes one frame each time,
    /// every live frame in the end, whether a round's scrapes were recorded at one moment or spread over it.
    @Test(arguments: [0, 20] as [Int64])
    func eachNextChangeTakesOneFrame(spreadMs: Int64) throws {
        let (path, live) = try recordRun(seconds: 20, spreadMs: spreadMs)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var player = ReplayPlayer(source: try ReplaySource.open(path: path), intervalMs: 1000)
        var frames = 0
        var wakes = 0
        while let due = player.nextChangeMs(), wakes < 1000 {
            wakes += 1
            #expect(due >= player.positionMs)
            if player.play(toMs: due) { frames += 1 }
        }
        #expect(player.atEnd)
        #expect(frames == live.count)
        // A round at one moment takes one wake; a spread one at most two: at its first scrape and at its end.
        if spreadMs == 0 { #expect(wakes == live.count) } else { #expect(wakes <= 2 * live.count) }
    }

    @Test func seekingLandsOnTheSamePictureAsPlaying() throws {
        let (path, live) = try recordRun(seconds: 40)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var player = ReplayPlayer(source: try ReplaySource.open(path: path), intervalMs: 1000, historyMs: 60_000)
        let target = live.keys.sorted()[25]
        player.seek(toMs: target)
        #expect(player.pipeline.latest.timeMs == target)
        #expect(player.pipeline.latest.gpus == live[target]?.gpus)
        #expect(player.pipeline.latest.instances == live[target]?.instances)
        player.stepBackward()
        #expect(player.pipeline.latest.timeMs == target - 1000)
        player.stepForward()
        player.stepForward()
        #expect(player.pipeline.latest.timeMs == target + 1000)
    }
}
