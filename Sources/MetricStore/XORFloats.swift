/// Floating-point values that are not short decimals (fractions such as a KV-cache usage of 0.6702733887082829,
/// sums of seconds), packed as Gorilla packs them (Pelkonen et al., VLDB 2015): each value XOR-ed with the one
/// before it; an unchanged value costs one bit, and a changed one only the bits that differ, framed by its
/// count of leading zero bits and its length, or by the previous frame when they fit inside it. A constant
/// gauge costs 1 bit a point instead of 64, a slowly moving sum about half.
///
/// The stream is a `BitStream`; the first value is not in it (the block keeps it raw).
enum XORFloats {
    /// The stream for `values` after the first; nil when it would take as many words as the raw values.
    static func encode(_ values: [Double]) -> BitStream? {
        guard values.count > 1 else { return nil }
        var stream = BitStream()
        var previous = values[0].bitPattern
        var frame: (leading: Int, trailing: Int)?
        for value in values.dropFirst() {
            let xor = value.bitPattern ^ previous
            previous = value.bitPattern
            guard xor != 0 else {
                stream.write(0, width: 1)
                continue
            }
            let leading = min(xor.leadingZeroBitCount, 31)
            let trailing = xor.trailingZeroBitCount
            if let inside = frame, leading >= inside.leading, trailing >= inside.trailing {
                stream.write(0b01, width: 2)
                stream.write(xor >> UInt64(inside.trailing), width: 64 - inside.leading - inside.trailing)
            } else {
                let length = 64 - leading - trailing
                stream.write(0b11, width: 2)
                stream.write(UInt64(leading), width: 5)
                stream.write(UInt64(length - 1), width: 6)
                stream.write(xor >> UInt64(trailing), width: length)
                frame = (leading, trailing)
            }
            if stream.words.count >= values.count - 1 { return nil }
        }
        return stream
    }

    /// The `count` values of a block: `first`, then the values the stream at `reader` holds after it.
    static func decode(_ count: Int, first: Double, from reader: inout BitReader) -> [Double] {
        var previous = first.bitPattern
        var frame = (leading: 0, trailing: 0)
        var result = [first]
        result.reserveCapacity(count)
        for _ in 1..<max(count, 1) {
            if reader.read(1) == 1 {
                if reader.read(1) == 1 {
                    let leading = Int(reader.read(5))
                    let length = Int(reader.read(6)) + 1
                    frame = (leading, 64 - leading - length)
                }
                previous ^= reader.read(64 - frame.leading - frame.trailing) << UInt64(frame.trailing)
            }
            result.append(Double(bitPattern: previous))
        }
        return result
    }
}
