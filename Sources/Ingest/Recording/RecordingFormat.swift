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

    /// What a record holds (its first byte).
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
