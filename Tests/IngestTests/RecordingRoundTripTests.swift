import Foundation
import TestSupport
import Testing

@testable import Ingest

/// Recording N scrapes and replaying them yields the identical bytes, timestamps and order.
@Suite struct RecordingRoundTripTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func roundTripIsExact(seed: UInt64) throws {
        let folder = try TemporaryFolder("rec")
        let events = RecordingSamples.events(targets: 1 + Int(seed % 4), ticks: 40, seed: seed)
        // A short keyframe interval so that keyframes, deltas and index records all occur.
        let options = RecordingOptions(keyframeIntervalMs: 7_000, indexIntervalMs: 5_000)
        try RecordingSamples.write(events, to: folder.path("r.rec"), options: options)
        let reader = try RecordingReader(path: folder.path("r.rec"))
        let read = RecordingSamples.readAll(reader)
        #expect(read.damage == nil)
        #expect(read.events == events)
        #expect(reader.isComplete)
        #expect(reader.recordCount == events.count)
        #expect(reader.endTimeMs == events.map(\.timeMs).max())
        #expect(reader.header == RecordingSamples.header)
    }

    /// The same run gives the same file: the header's keys are written sorted, not in dictionary order (which
    /// changes from process to process).
    @Test func headerKeysAreWrittenInSortedOrder() throws {
        let folder = try TemporaryFolder("rec")
        try RecordingWriter(path: folder.path("h.rec"), header: RecordingSamples.header).close()
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.path("h.rec"))), as: UTF8.self)
        let keys = ["formatVersion", "infertopVersion", "intervalSeconds", "sources", "startTimeMs"]
        let offsets = keys.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(offsets.count == keys.count)
        #expect(offsets == offsets.sorted())
    }

    @Test func unclosedFileIsScannedToTheSameEvents() throws {
        let folder = try TemporaryFolder("rec")
        let events = RecordingSamples.events(targets: 3, ticks: 30, seed: 42)
        try RecordingSamples.write(events, to: folder.path("r.rec"), close: false)
        let reader = try RecordingReader(path: folder.path("r.rec"))
        #expect(!reader.isComplete)
        #expect(reader.damage == nil)
        #expect(RecordingSamples.readAll(reader).events == events)
        #expect(reader.targets == (0..<3).map { "http://node-\($0):9400/metrics" })
    }

    @Test func arbitraryBytesRoundTrip() throws {
        // Pages need not be exposition text nor end in a newline: the format stores bytes, not samples.
        var random = RecordingSamples.Random(state: 9)
        var pages: [[UInt8]] = [[], [0x0A], Array("no newline".utf8), Array("a\n\nb\n".utf8)]
        var current = Array("line one 1\nline two 2\nline three 3\n".utf8)
        for _ in 0..<60 {
            // Mutate bytes, insert and delete lines, so deltas meet every case.
            switch random.below(4) {
            case 0: current[random.below(current.count)] = UInt8(truncatingIfNeeded: random.next())
            case 1: current.insert(contentsOf: Array("new \(random.below(99))\n".utf8), at: random.below(current.count))
            case 2: if current.count > 4 { current.removeSubrange(0..<random.below(current.count / 2)) }
            default: current.append(contentsOf: Array("tail \(random.next())".utf8))
            }
            pages.append(current)
        }
        let events = pages.enumerated().map { i, bytes in
            RecordingEvent.scrape(
                RecordedScrape(
                    target: "t", timeMs: 1_767_225_600_000 + Int64(i) * 500,
                    durationSeconds: Double(i) / 7, bytes: bytes))
        }
        let folder = try TemporaryFolder("rec")
        try RecordingSamples.write(events, to: folder.path("r.rec"))
        #expect(RecordingSamples.readAll(try RecordingReader(path: folder.path("r.rec"))).events == events)
    }

    @Test func writerIsUsableFromManyTasks() async throws {
        let folder = try TemporaryFolder("rec")
        let writer = try RecordingWriter(path: folder.path("r.rec"), header: RecordingSamples.header)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask {
                    var random = RecordingSamples.Random(state: UInt64(t))
                    for tick in 0..<25 {
                        try writer.appendScrape(
                            target: "t\(t)", timeMs: 1_767_225_600_000 + Int64(tick * 1000),
                            durationSeconds: 0.01,
                            bytes: RecordingSamples.page(target: t, tick: tick, random: &random))
                    }
                }
            }
            try await group.waitForAll()
        }
        try writer.close()
        #expect(throws: RecordingError.self) { try writer.appendHealth(target: "t0", timeMs: 0, up: true) }
        let read = RecordingSamples.readAll(try RecordingReader(path: folder.path("r.rec")))
        #expect(read.events.count == 200)
        for t in 0..<8 {
            // Each target's own scrapes come back complete and in order, whatever the interleaving.
            var random = RecordingSamples.Random(state: UInt64(t))
            let expected = (0..<25).map { RecordingSamples.page(target: t, tick: $0, random: &random) }
            let got = read.events.compactMap { e -> [UInt8]? in
                if case .scrape(let s) = e, s.target == "t\(t)" { return s.bytes }
                return nil
            }
            #expect(got == expected)
        }
    }

    @Test func deltasAreSmallerThanKeyframes() throws {
        let folder = try TemporaryFolder("rec")
        let events = RecordingSamples.events(targets: 2, ticks: 120, seed: 5)
        try RecordingSamples.write(events, to: folder.path("delta.rec"))
        try RecordingSamples.write(events, to: folder.path("key.rec"), options: RecordingOptions(keyframeIntervalMs: 0))
        let delta = try RecordingReader(path: folder.path("delta.rec"))
        let keyframes = try RecordingReader(path: folder.path("key.rec"))
        #expect(keyframes.keyframeTimes().values.map(\.count).reduce(0, +) > 200)
        #expect(delta.keyframeTimes().values.map(\.count).reduce(0, +) <= 6)
        // These small pages change every value each tick; real pages keep far more (see the size test).
        #expect(delta.byteCount * 2 < keyframes.byteCount, "delta \(delta.byteCount), keyframes \(keyframes.byteCount)")
        #expect(RecordingSamples.readAll(delta).events == RecordingSamples.readAll(keyframes).events)
    }
}
