import ClusterModel
import Foundation
import Pipeline
import Simulator
import TestSupport
import Testing

@testable import Ingest

/// Issue 14, class 3, fuzzed over the whole replay path: a real recording with seeded damage — flipped bytes,
/// cuts, and records whose payload was changed and re-checksummed so the decoder itself meets the bad values —
/// is opened, seeked and played to its end, and its picture rendered. Every file either opens and plays up to
/// its damage, or is refused with its path; none traps.
@Suite struct RecordingMutationTests {
    /// A small real recording: the simulator's failure scenario (2 nodes × 2 GPUs, a crash at 1:00) for 90 s,
    /// recorded by the same recorder as `infertop record`.
    static func sample(in folder: TemporaryFolder) throws -> [UInt8] {
        let path = folder.path("sample.rec")
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .failure, seed: 3, nodes: 2, gpusPerNode: 2))
        let recorder = ScrapeRecorder(path: path, sources: ["simulator"], intervalSeconds: 1, version: "test")
        for _ in 0..<90 {
            simulator.advance(byMs: 1000)
            for result in SimulatorSource.scrapes(of: simulator) { try recorder.record(result) }
        }
        try recorder.close()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The offsets of every framed record after the magic bytes.
    static func recordOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var at = RecordingFormat.magic.count
        while at + RecordingFormat.frameOverhead <= bytes.count {
            offsets.append(at)
            let length = bytes[(at + 1)..<(at + 5)].reversed().reduce(0) { $0 << 8 | Int($1) }
            at += length + RecordingFormat.frameOverhead
        }
        return offsets
    }

    /// Changes one byte inside the record at `offset` and rewrites its checksum, so the frame stays valid.
    static func mutatePayload(_ bytes: inout [UInt8], record offset: Int, random: inout SplitMix) {
        let length = bytes[(offset + 1)..<(offset + 5)].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length > 0 else { return }
        let position = offset + 5 + random.below(length)
        switch random.below(3) {
        case 0: bytes[position] ^= UInt8(1 << random.below(8))
        case 1: bytes[position] = 0xFF
        default: bytes[position] = UInt8(truncatingIfNeeded: random.next())
        }
        let checksum = CRC32.checksum(Array(bytes[offset..<(offset + 5 + length)]))
        for i in 0..<4 { bytes[offset + 5 + length + i] = UInt8(truncatingIfNeeded: checksum >> (8 * UInt32(i))) }
    }

    @Test func seededDamageNeverTrapsTheReplayPath() throws {
        let folder = try TemporaryFolder("mutation")
        let original = try Self.sample(in: folder)
        let offsets = Self.recordOffsets(original)
        var random = SplitMix(seed: 14)
        var opened = 0
        var refused = 0
        for round in 0..<80 {
            var bytes = original
            switch round % 4 {
            case 0: bytes[random.below(bytes.count)] ^= UInt8(1 << random.below(8))
            case 1: bytes.removeLast(random.below(bytes.count))
            case 2: Self.mutatePayload(&bytes, record: offsets[0], random: &random)  // the header's JSON
            default:
                // Mostly early records (target declarations, keyframes), where one value shapes the rest.
                let pick = random.below(4) == 0 ? random.below(offsets.count) : 1 + random.below(min(offsets.count - 1, 12))
                Self.mutatePayload(&bytes, record: offsets[pick], random: &random)
            }
            let path = folder.path("mutated-\(round).rec")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let source: ReplaySource
            do {
                source = try ReplaySource.open(path: path)
            } catch {
                #expect("\(error)".contains(path), "round \(round): \(error)")
                refused += 1
                continue
            }
            opened += 1
            var player = ReplayPlayer(source: source, intervalMs: source.intervalMs, historyMs: 20_000)
            let span = max(1, source.endTimeMs - source.startTimeMs)
            player.seek(toMs: source.startTimeMs + Int64(random.below(Int(min(span, 1 << 40)))))
            player.seek(toMs: .max)
            player.seek(toMs: .min)
            _ = player.play(toMs: .max)
            #expect(!SnapshotText.render(player.pipeline.latest).isEmpty)
            _ = SnapshotJSON.text(player.pipeline.latest)
        }
        // Both kinds of outcome happened, so the test reached past the header and into the records.
        #expect(opened > 20 && refused > 5, "opened \(opened), refused \(refused)")
    }
}
