import ClusterModel
import Foundation
import Ingest
import Pipeline
import Simulator
import Testing

/// A replay shows exactly what the live view showed, and seeking lands on the same picture.
@Suite struct ReplayPlayerTests {
    /// Records `seconds` of a simulator run and keeps the live pictures, by time.
    private func recordRun(seconds: Int, scenario: Scenario = .failure) throws -> (path: String, live: [Int64: ClusterSnapshot]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).rec").path
        let recorder = ScrapeRecorder(path: path, sources: ["simulator"], intervalSeconds: 1, version: "test")
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: scenario, seed: 9))
        var pipeline = ClusterPipeline()
        var live: [Int64: ClusterSnapshot] = [:]
        for _ in 0..<seconds {
            simulator.advance(byMs: 1000)
            for result in SimulatorSource.scrapes(of: simulator) {
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
