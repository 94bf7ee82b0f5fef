/// A growable byte buffer with the primitive encodings of the recording format: LEB128 varints, zigzag
/// varints for signed values, fixed little-endian integers and length-prefixed strings (see docs/RECORDING.md).
struct RecordBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 64) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func varint(_ value: Int) { varint(UInt64(value)) }

    /// Signed values (times relative to the start, which may precede it) as zigzag varints.
    mutating func zigzag(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func fixed32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        varint(utf8.count)
        bytes.append(contentsOf: utf8)
    }

    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }
}
