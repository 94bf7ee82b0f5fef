#if canImport(Glibc)
    import Glibc
#endif

/// Packs up to 64 consecutive points of one series (the store seals `blockSize`) into a few 64-bit words, so
/// 68 k series × 15 minutes fit in tens of MiB instead of half a GiB.
///
/// Most exposition values are integers (counts, bytes, MiB) or decimals with a few digits (DCGM's `%f`
/// watts): such a block is stored as its first value scaled to an integer, then the zig-zag deltas
/// between consecutive values, bit-packed at the width of the largest delta. A counter that grows by
/// tens per second costs a few bits per point; a gauge that does not move costs none. Blocks with other
/// values (fractions, sums in seconds, NaN) keep the raw 64-bit patterns. Absent points (the series was
/// missing from a scrape) cost nothing but a presence bitmap.
///
/// Layout: `meta` word (count, width, kind, scale, hasMissing), optional presence bitmap, then either
/// `first scaled integer, packed deltas…` or `raw values…`.
enum BlockCodec {
    /// Points per sealed block, and raw slots per series in `RecentSlab`. 32, not 64: the raw slots are
    /// 8 bytes a point, so at 64 GPUs (11 k series) 64 slots held 5.6 MiB of the dashboard's RSS; at 32 the
    /// extra block headers cost less than the raw slots save (`infertop-bench model`: 137.0 MiB for 62 k
    /// series × 15 min against 141.4). A rate window of more than 31 scrapes reads its first point from a
    /// sealed block.
    static let blockSize = 32
    /// The most points one block can hold: its presence bitmap is one word.
    static let maxCount = 64
    /// Marks a slot whose series was absent from that scrape (Prometheus' own stale-marker NaN).
    static let absent = Double(bitPattern: 0x7ff0_0000_0000_0002)
    static let maxScale = 6
    private static let powersOfTen: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]

    static func isAbsent(_ value: Double) -> Bool { value.bitPattern == absent.bitPattern }

    /// Encodes `values` (1…64 slots, absent slots marked) and appends the words to `words`.
    static func encode(_ values: ArraySlice<Double>, into words: inout [UInt64]) {
        precondition(!values.isEmpty && values.count <= maxCount)
        var presence: UInt64 = 0
        var present: [Double] = []
        present.reserveCapacity(values.count)
        for (offset, value) in values.enumerated() where !isAbsent(value) {
            presence |= 1 << UInt64(offset)
            present.append(value)
        }
        let hasMissing = present.count != values.count
        if let (scale, integers) = scaledIntegers(present) {
            var width = 0
            var previous = integers.first ?? 0
            var deltas: [UInt64] = []
            deltas.reserveCapacity(integers.count)
            for integer in integers.dropFirst() {
                let zigzag = zigzagEncode(integer &- previous)
                deltas.append(zigzag)
                width = max(width, 64 - zigzag.leadingZeroBitCount)
                previous = integer
            }
            words.append(meta(count: values.count, width: width, kind: 1, scale: scale, hasMissing: hasMissing))
            if hasMissing { words.append(presence) }
            if let first = integers.first { words.append(UInt64(bitPattern: first)) }
            pack(deltas, width: width, into: &words)
        } else {
            words.append(meta(count: values.count, width: 64, kind: 0, scale: 0, hasMissing: hasMissing))
            if hasMissing { words.append(presence) }
            for value in present { words.append(value.bitPattern) }
        }
    }

    /// The number of words the block starting at `start` occupies.
    static func length(of words: [UInt64], at start: Int) -> Int {
        let info = Meta(words[start])
        var length = 1
        var present = info.count
        if info.hasMissing {
            present = words[start + 1].nonzeroBitCount
            length += 1
        }
        if info.kind == 1 {
            return length + (present == 0 ? 0 : 1) + (max(0, present - 1) * info.width + 63) / 64
        }
        return length + present
    }

    /// Decodes the block starting at `start`: one value per slot, absent slots marked.
    static func decode(_ words: [UInt64], at start: Int) -> [Double] {
        let info = Meta(words[start])
        var cursor = start + 1
        var presence = info.count == 64 ? UInt64.max : (UInt64(1) << UInt64(info.count)) - 1
        if info.hasMissing {
            presence = words[cursor]
            cursor += 1
        }
        var result = [Double](repeating: absent, count: info.count)
        if info.kind == 1 {
            guard presence != 0 else { return result }
            let divisor = powersOfTen[info.scale]
            var integer = Int64(bitPattern: words[cursor])
            cursor += 1
            var bit = 0
            var first = true
            for slot in 0..<info.count where presence & (1 << UInt64(slot)) != 0 {
                if !first {
                    let delta = unpack(words, base: cursor, bit: bit, width: info.width)
                    bit += info.width
                    integer = integer &+ zigzagDecode(delta)
                }
                first = false
                result[slot] = info.scale == 0 ? Double(integer) : Double(integer) / divisor
            }
        } else {
            for slot in 0..<info.count where presence & (1 << UInt64(slot)) != 0 {
                result[slot] = Double(bitPattern: words[cursor])
                cursor += 1
            }
        }
        return result
    }

    // MARK: - Pieces

    struct Meta {
        let count: Int, width: Int, kind: Int, scale: Int, hasMissing: Bool
        init(_ word: UInt64) {
            count = Int(word & 0x7f)
            width = Int((word >> 8) & 0x7f)
            kind = Int((word >> 16) & 0xf)
            scale = Int((word >> 20) & 0xf)
            hasMissing = (word >> 24) & 1 == 1
        }
    }

    private static func meta(count: Int, width: Int, kind: Int, scale: Int, hasMissing: Bool) -> UInt64 {
        UInt64(count) | UInt64(width) << 8 | UInt64(kind) << 16 | UInt64(scale) << 20 | (hasMissing ? 1 << 24 : 0)
    }

    /// The smallest decimal scale at which every value is an integer that converts back exactly, or nil.
    private static func scaledIntegers(_ values: [Double]) -> (Int, [Int64])? {
        let limit = 9.0e15  // below 2^53, where every integer is exact
        scales: for scale in 0...maxScale {
            let factor = powersOfTen[scale]
            var integers: [Int64] = []
            integers.reserveCapacity(values.count)
            for value in values {
                guard value.isFinite, !(value == 0 && value.sign == .minus) else { return nil }
                let scaled = (value * factor).rounded()
                guard abs(scaled) < limit else { return nil }
                let back = scale == 0 ? scaled : scaled / factor
                guard back.bitPattern == value.bitPattern else { continue scales }
                integers.append(Int64(scaled))
            }
            return (scale, integers)
        }
        return nil
    }

    private static func zigzagEncode(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    private static func zigzagDecode(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }

    private static func pack(_ values: [UInt64], width: Int, into words: inout [UInt64]) {
        guard width > 0, !values.isEmpty else { return }
        let base = words.count
        words.append(contentsOf: repeatElement(0, count: (values.count * width + 63) / 64))
        var bit = 0
        for value in values {
            let word = base + bit / 64
            let shift = bit % 64
            words[word] |= value << UInt64(shift)
            if shift + width > 64 { words[word + 1] |= value >> UInt64(64 - shift) }
            bit += width
        }
    }

    private static func unpack(_ words: [UInt64], base: Int, bit: Int, width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        let word = base + bit / 64
        let shift = bit % 64
        var value = words[word] >> UInt64(shift)
        if shift + width > 64 { value |= words[word + 1] << UInt64(64 - shift) }
        return width == 64 ? value : value & ((1 << UInt64(width)) - 1)
    }
}
