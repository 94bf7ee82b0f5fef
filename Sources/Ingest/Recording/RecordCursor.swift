/// Reads the primitive encodings of `RecordBuffer` from a region of bytes, failing (never trapping) on bytes
/// that end early or overflow, because the bytes may come from a damaged file.
struct RecordCursor {
    let base: UnsafeRawBufferPointer
    var position: Int

    init(_ base: UnsafeRawBufferPointer, at position: Int = 0) {
        self.base = base
        self.position = position
    }

    var remaining: Int { base.count - position }

    /// Thrown for bytes that cannot be decoded; the caller turns it into a located `RecordingDamage`.
    struct Malformed: Error {
        let what: String
    }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard position < base.count else { throw Malformed(what: "record ends early") }
        defer { position += 1 }
        return base[position]
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            if shift == 63 && b > 1 { throw Malformed(what: "varint overflows 64 bits") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
            if shift > 63 { throw Malformed(what: "varint longer than 10 bytes") }
        }
    }

    /// A varint used as a count or length: it must fit in what is left (or in `limit`).
    mutating func count(limit: Int? = nil) throws(Malformed) -> Int {
        let v = try varint()
        guard v <= UInt64(limit ?? Int(Int32.max)) else { throw Malformed(what: "length \(v) is out of range") }
        return Int(v)
    }

    mutating func zigzag() throws(Malformed) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    mutating func fixed32() throws(Malformed) -> UInt32 {
        guard remaining >= 4 else { throw Malformed(what: "record ends early") }
        defer { position += 4 }
        return base.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian
    }

    mutating func fixed64() throws(Malformed) -> UInt64 {
        guard remaining >= 8 else { throw Malformed(what: "record ends early") }
        defer { position += 8 }
        return base.loadUnaligned(fromByteOffset: position, as: UInt64.self).littleEndian
    }

    /// `n` bytes as a view into the base region (no copy).
    mutating func slice(_ n: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard n >= 0, remaining >= n else { throw Malformed(what: "record ends early") }
        defer { position += n }
        return UnsafeRawBufferPointer(rebasing: base[position..<(position + n)])
    }

    mutating func string() throws(Malformed) -> String {
        let n = try count(limit: remaining)
        return String(decoding: try slice(n), as: UTF8.self)
    }
}
