/// Floating-point values that are not short decimals (fractions such as a KV-cache usage of 0.6702733887082829,
/// sums of seconds), packed as Gorilla packs them (Pelkonen et al., VLDB 2015): each value XOR-ed with the one
/// before it; an unchanged value costs one bit, and a changed one only the bits that differ, framed by its
/// count of leading zero bits and its length, or by the previous frame when they fit inside it. A constant
/// gauge costs 1 bit a point instead of 64, a slowly moving sum about half.
///
/// The stream is written least significant bit first into whole words; the first value is not in it (the
/// block keeps it raw).
enum XORFloats {
    /// The stream for `values` after the first; nil when it would take as many words as the raw values.
    static func encode(_ values: [Double]) -> [UInt64]? {
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
        return stream.words
    }

    /// The `count` values of a block: `first`, then the values the stream at `words[start...]` holds after it.
    static func decode(_ count: Int, first: Double, from words: [UInt64], at start: Int) -> [Double] {
        var bit = 0
        func read(width: Int) -> UInt64 {
            defer { bit += width }
            return BlockCodec.unpack(words, base: start, bit: bit, width: width)
        }
        var previous = first.bitPattern
        var frame = (leading: 0, trailing: 0)
        var result = [first]
        result.reserveCapacity(count)
        for _ in 1..<max(count, 1) {
            if read(width: 1) == 1 {
                if read(width: 1) == 1 {
                    let leading = Int(read(width: 5))
                    let length = Int(read(width: 6)) + 1
                    frame = (leading, 64 - leading - length)
                }
                previous ^= read(width: 64 - frame.leading - frame.trailing) << UInt64(frame.trailing)
            }
            result.append(Double(bitPattern: previous))
        }
        return result
    }

    /// Bits appended least significant first.
    private struct BitStream {
        var words: [UInt64] = []
        var bit = 0

        mutating func write(_ value: UInt64, width: Int) {
            guard width > 0 else { return }
            let shift = bit % 64
            if shift == 0 { words.append(0) }
            words[words.count - 1] |= value << UInt64(shift)
            if shift + width > 64 { words.append(value >> UInt64(64 - shift)) }
            bit += width
        }
    }
}
