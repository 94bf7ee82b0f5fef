import Dashboard
import Foundation
import Ingest
import Pipeline
import TestSupport
import Testing

/// Golden frames from replaying `SampleData/` at fixed moments: the recordings, the replay path (parser, store,
/// dialects, alerts) and the dashboard together. `INFERTOP_UPDATE_GOLDEN=1` rewrites them after an intended change.
@Suite struct SampleDataReplayTests {
    static let cases: [(file: String, at: String, width: Int, height: Int)] = [
        ("steady.rec", "5:00", 120, 40),
        ("cold-start.rec", "2:00", 120, 40),
        ("failure.rec", "5:30", 200, 60),
        ("failure.rec", "9:05", 120, 40),
        ("llama-cpp.rec", "1:20", 120, 40),
    ]

    @Test(arguments: cases.indices)
    func matchesGolden(index: Int) throws {
        let sample = Self.cases[index]
        let path = Fixtures.repositoryRoot.appendingPathComponent("SampleData").appendingPathComponent(sample.file).path
        let source = try ReplaySource.open(path: path)
        var player = ReplayPlayer(source: source, intervalMs: source.intervalMs)
        let offset = try #require(ReplayTimeText.parse(sample.at)).offsetMs(from: source.startTimeMs)
        player.seek(toMs: source.startTimeMs + offset)
        let pipeline = player.pipeline
        var state = UIState()
        state.replay = true
        let status = ReplayStatus(
            startMs: player.startTimeMs, endMs: player.endTimeMs, positionMs: player.positionMs,
            speed: 1, paused: true, atEnd: player.atEnd,
            eventTimesMs: source.healthChangeTimesMs)
        let frame = DashboardFrame(
            snapshot: pipeline.latest, history: pipeline.history, source: "replay \(sample.file)",
            intervalSeconds: 1, generation: 1, replay: status, alerts: pipeline.alerts)
        let text = DashboardView.render(
            frame, state: state, size: Size(width: sample.width, height: sample.height),
            glyphs: .braille
        ).plainText
        let name =
            "\(sample.file.replacingOccurrences(of: ".rec", with: ""))-\(sample.at.replacingOccurrences(of: ":", with: "m"))s-\(sample.width)x\(sample.height).txt"
        let golden = Fixtures.repositoryRoot.appendingPathComponent("Tests/PipelineTests/Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["INFERTOP_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "frame differs from \(name); rerun with INFERTOP_UPDATE_GOLDEN=1 if intended")
    }

    /// The event log after a seek is the one playing gives: forwards to 9:05 (alerts that began before the last
    /// five minutes keep their start; a seek used to rebuild them from 4:05 on), and back to 5:30 from there.
    @Test func theEventLogAfterASeekIsTheEventLogOfPlaying() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("SampleData/failure.rec").path
        let source = try ReplaySource.open(path: path)
        func log(_ player: ReplayPlayer) -> [String] {
            player.pipeline.alerts.log.events.map { event in
                "\(event.rule) \(event.subject.id) \(event.startMs - source.startTimeMs)–"
                    + "\(event.endMs.map { String($0 - source.startTimeMs) } ?? "ongoing") peak \(event.peak)"
            }
        }
        func played(toS seconds: Int64) -> [String] {
            var player = ReplayPlayer(source: source, intervalMs: source.intervalMs)
            player.play(toMs: source.startTimeMs + seconds * 1000)
            return log(player)
        }
        var seeking = ReplayPlayer(source: source, intervalMs: source.intervalMs)
        seeking.seek(toMs: source.startTimeMs + 545_000)
        let late = log(seeking)
        // Ongoing since 3:22, before the five minutes a rebuild replays.
        #expect(late.contains { $0.hasPrefix("gpuHotterThanPeers node-03/0 202000–ongoing") }, "\(late)")
        #expect(late == played(toS: 545))
        seeking.seek(toMs: source.startTimeMs + 330_000)
        #expect(log(seeking) == played(toS: 330))
        #expect(seeking.pipeline.latest.timeMs - source.startTimeMs == 330_000)
    }

    @Test func failureRecordingShowsTheNodeDownAndItsAlert() throws {
        let path = Fixtures.repositoryRoot.appendingPathComponent("SampleData/failure.rec").path
        let source = try ReplaySource.open(path: path)
        var player = ReplayPlayer(source: source, intervalMs: source.intervalMs)
        player.seek(toMs: source.startTimeMs + 330_000)
        let down = player.pipeline.latest.targets.filter { !$0.up }.map(\.id)
        #expect(down.sorted() == down.filter { $0.hasPrefix("sim://node-01/") }.sorted())
        #expect(!down.isEmpty)
        #expect(player.pipeline.alerts.active.contains { $0.rule == .targetDown })
    }
}
