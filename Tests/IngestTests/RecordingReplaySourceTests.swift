import Foundation
import TestSupport
import Testing

@testable import Ingest

/// `ReplaySource.open` picks the right reader for a path, and its cursors replay the same events.
@Suite struct RecordingReplaySourceTests {
    private func drain(_ cursor: inout ReplayCursor) -> [RecordingEvent] {
        var out: [RecordingEvent] = []
        while let e = cursor.next() { out.append(e) }
        return out
    }

    @Test func recordingReplaysFromStartAndFromAMoment() throws {
        let folder = try TemporaryFolder("rec")
        let events = RecordingSamples.events(targets: 2, ticks: 20, seed: 4)
        try RecordingSamples.write(events, to: folder.path("r.rec"))
        let source = try ReplaySource.open(path: folder.path("r.rec"))
        guard case .recording = source else {
            Issue.record("not opened as a recording")
            return
        }
        var all = source.start()
        #expect(all.scrapes.isEmpty && all.health.isEmpty)
        #expect(drain(&all) == events)
        #expect(all.damage == nil)
        let middle = events[events.count / 2].timeMs
        var later = source.seek(toMs: middle)
        #expect(later.scrapes.count == 2)
        #expect(drain(&later) == events.filter { $0.timeMs > middle })
        #expect(source.targets.count == 2)
        #expect(source.endTimeMs == events.last?.timeMs)
    }

    @Test func textFilesAndFoldersOpenAsDumps() throws {
        let folder = try TemporaryFolder("rec")
        let text = Array("# TYPE up gauge\nup{instance=\"é\"} 1\n".utf8)
        try Data(text).write(to: folder.url.appendingPathComponent("a-1767225600.prom"))
        try Data(text + Array("x 2\n".utf8)).write(to: folder.url.appendingPathComponent("a-1767225601.prom"))
        let single = try ReplaySource.open(path: folder.path("a-1767225600.prom"))
        guard case .dumps = single else {
            Issue.record("a .prom file did not open as a dump")
            return
        }
        var one = single.start()
        #expect(
            drain(&one) == [
                .scrape(
                    RecordedScrape(
                        target: "a", timeMs: 1_767_225_600_000, durationSeconds: 0,
                        bytes: text))
            ])
        let all = try ReplaySource.open(path: folder.url.path)
        var later = all.seek(toMs: 1_767_225_600_500)
        #expect(later.scrapes.map(\.bytes) == [text])
        #expect(drain(&later).count == 1)
    }

    @Test func binaryAndMissingFilesAreRefused() throws {
        let folder = try TemporaryFolder("rec")
        try Data([0x00, 0x01, 0x02, 0xFF]).write(to: folder.url.appendingPathComponent("blob"))
        let binary = #expect(throws: RecordingError.self) { try ReplaySource.open(path: folder.path("blob")) }
        #expect(binary?.description.contains("not an infertop recording") == true)
        let missing = #expect(throws: RecordingError.self) { try ReplaySource.open(path: folder.path("nope")) }
        #expect(missing?.description.contains("no such file") == true)
    }
}
