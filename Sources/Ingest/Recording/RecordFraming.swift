/// Frames and unframes records: `type (1) | payload length (u32 LE) | payload | CRC-32 (u32 LE)`, the CRC
/// covering type, length and payload, so that a torn or corrupted record is recognised and never replayed.
enum RecordFraming {
    /// The framed bytes of one record.
    static func frame(_ type: RecordingFormat.RecordType, _ payload: [UInt8]) -> [UInt8] {
        var out = RecordBuffer(capacity: payload.count + RecordingFormat.frameOverhead)
        out.byte(type.rawValue)
        out.fixed32(UInt32(payload.count))
        out.append(payload)
        out.fixed32(CRC32.checksum(out.bytes))
        return out.bytes
    }

    /// A record found in a file: its type byte, where it starts, its payload and where the next one starts.
    struct Found {
        let rawType: UInt8
        let offset: Int
        let payload: UnsafeRawBufferPointer
        var next: Int { offset + payload.count + RecordingFormat.frameOverhead }
        var type: RecordingFormat.RecordType? { RecordingFormat.RecordType(rawValue: rawType) }
    }

    /// The record at `offset` of `file`, checked; throws what is wrong with it.
    static func record(in file: UnsafeRawBufferPointer, at offset: Int) throws(RecordCursor.Malformed) -> Found {
        let left = file.count - offset
        guard left >= RecordingFormat.frameOverhead else {
            throw .init(what: "file ends inside a record header (\(left) bytes left)")
        }
        let type = file[offset]
        let length = Int(file.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self).littleEndian)
        guard length <= RecordingFormat.maxPayload else { throw .init(what: "implausible record length \(length)") }
        guard length + RecordingFormat.frameOverhead <= left else {
            throw .init(what: "record of \(length) bytes is cut short (\(left - RecordingFormat.frameOverhead) present)")
        }
        let stored = file.loadUnaligned(fromByteOffset: offset + 5 + length, as: UInt32.self).littleEndian
        let computed = CRC32.checksum(UnsafeRawBufferPointer(rebasing: file[offset..<(offset + 5 + length)]))
        guard stored == computed else { throw .init(what: "checksum mismatch") }
        return Found(
            rawType: type, offset: offset,
            payload: UnsafeRawBufferPointer(rebasing: file[(offset + 5)..<(offset + 5 + length)]))
    }
}
