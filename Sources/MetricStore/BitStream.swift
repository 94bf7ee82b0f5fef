/// Bits written least significant first into whole words: how a sealed block (`BlockCodec`) and the XOR stream
/// inside one (`XORFloats`) are laid out.
struct BitStream: Sendable {
    private(set) var words: [UInt64] = []
    /// Bits written so far.
    private(set) var bit = 0

    /// Appends the low `width` bits of `value` (0…64; bits above `width` must be zero).
    mutating func write(_ value: UInt64, width: Int) {
        guard width > 0 else { return }
        let shift = bit % 64
        if shift == 0 { words.append(0) }
        words[words.count - 1] |= value << UInt64(shift)
        if shift + width > 64 { words.append(value >> UInt64(64 - shift)) }
        bit += width
    }

    /// Appends every bit of `other`.
    mutating func append(_ other: BitStream) {
        var left = other.bit
        for word in other.words {
            write(word, width: min(left, 64))
            left -= 64
        }
    }
}

/// Reads what a `BitStream` wrote, from bit `bit` of the words that start at `base`.
struct BitReader {
    let words: [UInt64]
    let base: Int
    var bit: Int

    /// The next `width` bits (0…64).
    mutating func read(_ width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        let word = base + bit / 64
        let shift = bit % 64
        var value = words[word] >> UInt64(shift)
        if shift + width > 64 { value |= words[word + 1] << UInt64(64 - shift) }
        bit += width
        return width == 64 ? value : value & ((1 << UInt64(width)) - 1)
    }
}
