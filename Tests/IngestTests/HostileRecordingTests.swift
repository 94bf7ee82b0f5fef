import Foundation
import TestSupport
import Testing

@testable import Ingest

/// Issue 14, class 3: every field read from a recording is checked. A header, a record or a footer that says
/// something no recording can mean is refused (the header) or treated as damage (the rest), with the file and
/// the byte offset — never a trap in a time or size computed from it.
@Suite struct HostileRecordingTests {
    // (NaN and infinity cannot be written in the header's JSON at all: the decoder refuses them as damage.)
    /// A recording written with `header` (the writer does not judge it: the file is the hostile input).
    private func written(_ header: RecordingHeader, in folder: TemporaryFolder, name: String) throws -> String {
        let path = folder.path(name)
        try RecordingSamples.write(
            RecordingSamples.events(targets: 1, ticks: 3, seed: 1, startMs: 1_767_225_600_000),
            to: path, header: header)
        return path
    }

    @Test(
        arguments: [
            (Int64.max, 1.0, "startTimeMs 9223372036854775807"), (Int64.min, 1.0, "startTimeMs -9223372036854775808"),
            (-1, 1.0, "startTimeMs -1"), (20_000_000_000_000, 1.0, "startTimeMs 20000000000000"),
            (1_767_225_600_000, 0, "intervalSeconds 0.0"), (1_767_225_600_000, -1, "intervalSeconds -1.0"),
            (1_767_225_600_000, 1e300, "intervalSeconds 1e+300"),
        ] as [(Int64, Double, String)])
    func aHeaderThatNoRecordingCanHaveIsRefusedNamingTheField(start: Int64, interval: Double, field: String) throws {
        let folder = try TemporaryFolder("rec")
        var header = RecordingSamples.header
        header.startTimeMs = start
        header.intervalSeconds = interval
        let path = try written(header, in: folder, name: "hostile.rec")
        let error = #expect(throws: RecordingError.self) { try RecordingReader(path: path) }
        let text = error?.description ?? ""
        #expect(text.hasPrefix(path + ": the recording header is damaged (at byte 8: " + field), "\(text)")
        #expect(text.contains("expected"), "\(text)")
    }

    @Test func aFormatVersionBelowOneIsRefused() throws {
        let folder = try TemporaryFolder("rec")
        var header = RecordingSamples.header
        header.formatVersion = 0
        let path = try written(header, in: folder, name: "v0.rec")
        let error = #expect(throws: RecordingError.self) { try RecordingReader(path: path) }
        #expect(error?.description.contains("formatVersion 0, expected 1 or more") == true)
    }

    @Test(arguments: [Int64.max / 2, 200 * 365 * 86_400_000, -2 * 86_400_000] as [Int64])
    func aRecordTimeFarOutsideTheRecordingIsDamageNotATime(offsetMs: Int64) throws {
        let folder = try TemporaryFolder("rec")
        let path = folder.path("times.rec")
        let writer = try RecordingWriter(path: path, header: RecordingSamples.header)
        let start = RecordingSamples.header.startTimeMs
        try writer.appendScrape(target: "t", timeMs: start, durationSeconds: 0.01, bytes: Array("a 1\n".utf8))
        try writer.appendScrape(target: "t", timeMs: start &+ offsetMs, durationSeconds: 0.01, bytes: Array("a 2\n".utf8))
        try writer.close()
        let reader = try RecordingReader(path: path)
        let (events, damage) = RecordingSamples.readAll(reader)
        #expect(events.count == 1)
        #expect(damage?.reason.contains("outside the recording") == true, "\(String(describing: damage))")
        #expect(reader.endTimeMs >= reader.startTimeMs && reader.endTimeMs - reader.startTimeMs < 86_400_000)
        _ = reader.seek(toMs: .max)
        _ = reader.seek(toMs: .min)
    }

    @Test func aFooterWithImpossibleNumbersIsIgnoredAndTheFileScanned() throws {
        let folder = try TemporaryFolder("rec")
        let path = try written(RecordingSamples.header, in: folder, name: "footer.rec")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The end record's payload: last index offset, end time, record count; set all to 0xFF… and re-checksum.
        let footer = bytes.count - RecordingFormat.endRecordLength
        for i in 0..<24 { bytes[footer + 5 + i] = 0xFF }
        let checksum = CRC32.checksum(Array(bytes[footer..<(footer + 5 + RecordingFormat.endPayloadLength)]))
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for (i, byte) in raw.enumerated() { bytes[footer + 5 + RecordingFormat.endPayloadLength + i] = byte }
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let reader = try RecordingReader(path: path)
        #expect(RecordingSamples.readAll(reader).events.count == 3)
        #expect(reader.endTimeMs - reader.startTimeMs < 86_400_000)
    }
}
