import Foundation

/// Opens a recording (format: docs/RECORDING.md) for replay: its header, targets and time range, the records
/// in the order written (`events()`), and `seek(toMs:)` to the state at any moment.
///
/// Opening reads the index through the footer; a file without one (the recorder was killed) is scanned
/// instead, up to the first damaged record, which `damage` then names. The file is memory-mapped and never
/// changed; a reader is safe to share, each iterator it hands out is not.
package final class RecordingReader: Sendable {
    /// The file's path.
    package let path: String
    /// What the recording says about itself.
    package let header: RecordingHeader
    let file: MappedFile
    let index: RecordingIndex
    private let firstRecord: Int

    /// Opens `path`; throws `RecordingError` for a file that is not a recording, is newer than this
    /// build, or has a damaged header.
    package init(path: String) throws {
        self.path = path
        file = try MappedFile(path: path)
        let bytes = file.bytes
        let magic = RecordingFormat.magic
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw RecordingError.notARecording(path: path, detail: Self.describeForeign(bytes))
        }
        let found: RecordFraming.Found
        do {
            found = try RecordFraming.record(in: bytes, at: magic.count)
        } catch {
            throw RecordingError.damagedHeader(path: path, detail: error.what)
        }
        guard found.type == .header,
            let header = try? JSONDecoder().decode(RecordingHeader.self, from: Data(found.payload))
        else { throw RecordingError.damagedHeader(path: path, detail: "the first record is not a header") }
        guard header.formatVersion <= RecordingFormat.version else {
            throw RecordingError.unsupportedVersion(
                path: path, found: header.formatVersion,
                supported: RecordingFormat.version)
        }
        if let problem = RecordingFormat.problem(with: header) {
            throw RecordingError.damagedHeader(path: path, detail: "at byte \(magic.count): \(problem)")
        }
        self.header = header
        firstRecord = found.next
        index =
            RecordingIndex.fromFooter(bytes, firstRecord: firstRecord, startMs: header.startTimeMs)
            ?? RecordingIndex.scan(bytes, firstRecord: firstRecord, startMs: header.startTimeMs)
    }

    /// Whether `path` starts with the recording magic bytes (to tell a recording from a `.prom` file).
    package static func isRecording(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: RecordingFormat.magic.count)) ?? Data()
        return [UInt8](head) == RecordingFormat.magic
    }

    /// The targets recorded, in the order they first appeared.
    package var targets: [String] { index.targets }
    /// When the recording started (the header's start time), in milliseconds since 1970.
    package var startTimeMs: Int64 { header.startTimeMs }
    /// The time of the latest readable record.
    package var endTimeMs: Int64 { index.endTimeMs }
    /// Scrape and health records in the readable part.
    package var recordCount: Int { index.dataRecords }
    /// Where a file without a footer stopped being readable, found on opening. Damage in the middle of a file
    /// that has a footer is found while iterating, and reported by the iterator.
    package var damage: RecordingDamage? { index.damage }
    /// Whether the recorder closed the file properly (it has a footer).
    package var isComplete: Bool { index.damage == nil && index.end < file.count }
    /// The file size in bytes.
    package var byteCount: Int { file.count }

    /// Every record from the start, in the order written.
    package func events() -> RecordingIterator {
        RecordingIterator(reader: self, offset: firstRecord)
    }

    /// The health changes of the recording (for a timeline), read from the index.
    package func healthEvents() -> [RecordedHealth] {
        index.health.compactMap { try? health(at: $0.entry.offset) }
    }

    /// The times of every keyframe, per target name (for a timeline or for stepping far).
    package func keyframeTimes() -> [String: [Int64]] {
        Dictionary(uniqueKeysWithValues: zip(index.targets, index.keyframes.map { $0.map(\.timeMs) }))
    }

    /// The state at `timeMs`: the latest page and health of each target, and an iterator that continues
    /// from there. See `RecordingPosition` for the exact meaning of "at".
    package func seek(toMs timeMs: Int64) -> RecordingPosition {
        RecordingSeeker(reader: self, firstRecord: firstRecord).seek(toMs: timeMs)
    }

    func targetName(_ id: Int) throws(RecordCursor.Malformed) -> String {
        guard id < index.targets.count else { throw .init(what: "record for undeclared target \(id)") }
        return index.targets[id]
    }

    func health(at offset: Int) throws(RecordCursor.Malformed) -> RecordedHealth {
        let record = try RecordFraming.record(in: file.bytes, at: offset)
        var head = try RecordHead(record.payload, startMs: header.startTimeMs)
        let body = try head.healthBody()
        return RecordedHealth(
            target: try targetName(head.target), timeMs: head.timeMs, up: body.up, error: body.error,
            facts: body.facts)
    }

    /// The 1-based number of the record at `offset`, counted by walking the frames from the start (only
    /// needed to report damage, so not worth keeping for every record).
    func recordNumber(at offset: Int) -> Int {
        let bytes = file.bytes
        var at = firstRecord
        var number = 2
        while at < offset && at + RecordingFormat.frameOverhead <= bytes.count {
            let length = Int(bytes.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self).littleEndian)
            at += length + RecordingFormat.frameOverhead
            number += 1
        }
        return number
    }

    /// A short description of what a foreign file looks like, to make the error useful.
    private static func describeForeign(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.isEmpty { return "the file is empty" }
        let head = String(decoding: bytes.prefix(64), as: UTF8.self)
        if head.hasPrefix("#") || head.contains("{") {
            return "it looks like Prometheus exposition text; replay it as a .prom file"
        }
        return "expected the bytes 89 49 4E 46 52 45 43 0A (\"\\x89INFREC\\n\") at byte 0"
    }
}
