import Foundation
import TestSupport
import Testing

@testable import Ingest

/// A recorder killed mid-write leaves a prefix of its file: every complete record before the cut must
/// replay, and the reader must say where it stopped. Simulated by cutting a finished recording at every
/// byte offset, which covers every moment a `kill -9` could strike between two `write(2)` calls and
/// inside one.
@Suite struct RecordingCrashTests {
    /// The end offset of every data record, in order, found by decoding the frames.
    private func recordEnds(_ path: String) throws -> (ends: [Int], headerEnd: Int, allEnds: Set<Int>) {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var ends: [Int] = []
        var at = RecordingFormat.magic.count
        var headerEnd = 0
        var allEnds: Set<Int> = []
        while at + RecordingFormat.frameOverhead <= bytes.count {
            let type = bytes[at]
            let length = bytes[(at + 1)..<(at + 5)].reversed().reduce(0) { $0 << 8 | Int($1) }
            at += length + RecordingFormat.frameOverhead
            allEnds.insert(at)
            if type == RecordingFormat.RecordType.header.rawValue { headerEnd = at }
            if type == RecordingFormat.RecordType.scrape.rawValue || type == RecordingFormat.RecordType.health.rawValue {
                ends.append(at)
            }
        }
        return (ends, headerEnd, allEnds)
    }

    @Test func everyCutReplaysEveryCompleteRecord() throws {
        let folder = try TemporaryFolder("rec")
        let events = RecordingSamples.events(targets: 2, ticks: 6, seed: 3)
        let options = RecordingOptions(keyframeIntervalMs: 4_000, indexIntervalMs: 3_000)
        try RecordingSamples.write(events, to: folder.path("full.rec"), options: options)
        let full = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("full.rec"))))
        let (ends, headerEnd, allEnds) = try recordEnds(folder.path("full.rec"))
        #expect(ends.count == events.count)
        let cutPath = folder.path("cut.rec")
        var checked = 0
        for cut in 0...full.count {
            try Data(full[0..<cut]).write(to: URL(fileURLWithPath: cutPath))
            guard cut >= headerEnd else {
                // Too short to hold a header: a clear error, never a crash.
                #expect(throws: RecordingError.self) { try RecordingReader(path: cutPath) }
                continue
            }
            let reader = try RecordingReader(path: cutPath)
            let read = RecordingSamples.readAll(reader)
            let complete = ends.filter { $0 <= cut }.count
            #expect(read.events == Array(events.prefix(complete)), "cut at \(cut)")
            // A cut inside a record is reported at that record's first byte.
            if !allEnds.contains(cut) {
                let damage = try #require(read.damage, "cut at \(cut)")
                #expect(damage.byteOffset <= cut, "cut at \(cut)")
                #expect(read.damage?.description.contains("stopped there") == true, "cut at \(cut)")
            }
            checked += 1
        }
        #expect(checked > 2000)
    }

    @Test func flippedByteStopsReplayAtThatRecord() throws {
        let folder = try TemporaryFolder("rec")
        let events = RecordingSamples.events(targets: 2, ticks: 20, seed: 11)
        try RecordingSamples.write(events, to: folder.path("r.rec"))
        let (ends, _, _) = try recordEnds(folder.path("r.rec"))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("r.rec"))))
        let victim = 17
        let flipAt = ends[victim] - 6  // inside the payload of data record 17
        bytes[flipAt] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path("r.rec")))
        let reader = try RecordingReader(path: folder.path("r.rec"))
        let read = RecordingSamples.readAll(reader)
        #expect(read.events == Array(events.prefix(victim)))
        let damage = try #require(read.damage)
        #expect(damage.byteOffset >= ends[victim - 1])
        #expect(damage.byteOffset < ends[victim])
        #expect(damage.reason.contains("checksum"))
        #expect(damage.description.hasPrefix("damaged record at byte \(damage.byteOffset) (record "))
    }

    @Test func foreignFilesGetClearErrors() throws {
        let folder = try TemporaryFolder("rec")
        let cases: [(String, [UInt8], String)] = [
            ("empty", [], "empty"),
            ("prom", Array("# HELP up Up.\n# TYPE up gauge\nup 1\n".utf8), ".prom"),
            ("binary", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0], "89 49 4E 46"),
        ]
        for (name, bytes, hint) in cases {
            try Data(bytes).write(to: URL(fileURLWithPath: folder.path(name)))
            let error = #expect(throws: RecordingError.self) { try RecordingReader(path: folder.path(name)) }
            #expect(error?.description.contains("not an infertop recording") == true)
            #expect(error?.description.contains(hint) == true, "\(error?.description ?? "")")
            #expect(error?.description.contains(folder.path(name)) == true)
            #expect(!RecordingReader.isRecording(path: folder.path(name)))
        }
        #expect(throws: RecordingError.self) { try RecordingReader(path: folder.path("missing")) }
    }

    @Test func newerVersionAndDamagedHeaderAreRefused() throws {
        let folder = try TemporaryFolder("rec")
        var header = RecordingSamples.header
        header.formatVersion = RecordingHeader.currentFormatVersion + 1
        try RecordingWriter(path: folder.path("new.rec"), header: header).close()
        let newer = #expect(throws: RecordingError.self) { try RecordingReader(path: folder.path("new.rec")) }
        #expect(newer?.description.contains("upgrade infertop") == true)

        try RecordingWriter(path: folder.path("ok.rec"), header: RecordingSamples.header).close()
        #expect(RecordingReader.isRecording(path: folder.path("ok.rec")))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path("ok.rec"))))
        bytes[RecordingFormat.magic.count + 12] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: folder.path("bad.rec")))
        let damaged = #expect(throws: RecordingError.self) { try RecordingReader(path: folder.path("bad.rec")) }
        #expect(damaged?.description.contains("header is damaged") == true)
    }
}
