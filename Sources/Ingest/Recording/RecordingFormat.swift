/// The constants of the recording file format, documented in docs/RECORDING.md: the magic bytes, the format
/// version, the record types and the payload encodings. Kept in one place so writer, reader and docs agree.
enum RecordingFormat {
    /// `\x89INFREC\n`: the high byte and the newline catch transfers that mangle binary files, as in PNG.
    static let magic: [UInt8] = [0x89, 0x49, 0x4E, 0x46, 0x52, 0x45, 0x43, 0x0A]
    /// Closes the end record, so that a footer is told from arbitrary bytes that happen to checksum.
    static let endMagic: [UInt8] = Array("INFREND\n".utf8)
    /// The version this code writes; it reads every version up to this one.
    static let version = 1
    /// type (1) + length (4) before the payload, CRC-32 (4) after it.
    static let frameOverhead = 9
    /// A record longer than this is taken for damage rather than trusted (no scrape is anywhere near it).
    static let maxPayload = 256 << 20
    /// The end record's payload: last index offset, end time, data record count, end magic.
    static let endPayloadLength = 32
    static let endRecordLength = frameOverhead + endPayloadLength

    /// The times a recording can start at: 1970 to 2286 (10^13 ms). A header outside it is damaged, not a time.
    static let plausibleStartMs: ClosedRange<Int64> = 0...10_000_000_000_000
    /// How far a record's time may lie from the start: a day before it (a backfill read through Prometheus) to a
    /// hundred years after. Outside it a record is damaged, so no time computed from it can overflow.
    static let plausibleOffsetMs: ClosedRange<Int64> = -86_400_000...3_155_760_000_000
    /// The scrape intervals a header may declare, in seconds.
    static let plausibleIntervalSeconds: ClosedRange<Double> = 0.001...86_400

    /// A record's time from its stored offset, or what is wrong with it.
    static func time(startMs: Int64, offsetMs: Int64) throws(RecordCursor.Malformed) -> Int64 {
        guard plausibleOffsetMs.contains(offsetMs) else {
            throw .init(
                what: "record time \(offsetMs) ms from the start is outside the recording "
                    + "(expected -1 day to 100 years)")
        }
        return startMs + offsetMs
    }

    /// What is wrong with a header, or nil: each field is checked before any time or interval is computed from it.
    static func problem(with header: RecordingHeader) -> String? {
        if header.formatVersion < 1 { return "formatVersion \(header.formatVersion), expected 1 or more" }
        if !plausibleStartMs.contains(header.startTimeMs) {
            return "startTimeMs \(header.startTimeMs), expected a time from 1970 to 2286 in milliseconds"
        }
        if !plausibleIntervalSeconds.contains(header.intervalSeconds) {
            return "intervalSeconds \(header.intervalSeconds), expected 0.001 to 86400 seconds"
        }
        return nil
    }

    /// What a record holds (its first byte).
    /// The health flag bits of the target's facts (node, pod, namespace, model, container, GPUs), each followed
    /// by a string; a reader that predates them stops at the error and ignores the rest of the payload.
    static let factFlags: [UInt8] = [4, 8, 16, 32, 64, 128]

    enum RecordType: UInt8 {
        case header = 1, target = 2, scrape = 3, health = 4, index = 5, end = 6
    }

    /// How the exposition bytes of a scrape record are stored.
    enum Encoding: UInt8 {
        /// A keyframe: the whole page, stored as is.
        case full = 0
        /// A keyframe: the whole page, deflated.
        case fullDeflated = 1
        /// Line changes against the previous page of the same target, stored as is.
        case delta = 2
        /// Line changes against the previous page of the same target, deflated.
        case deltaDeflated = 3

        var isKeyframe: Bool { self == .full || self == .fullDeflated }
        var isDeflated: Bool { self == .fullDeflated || self == .deltaDeflated }
    }

    /// What an index entry points at.
    enum IndexKind: UInt8 {
        case target = 0, keyframe = 1, health = 2
    }
}
