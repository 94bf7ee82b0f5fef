#if canImport(Glibc)
    import Glibc
#endif

/// Packs up to 64 consecutive points of one series (the store seals `blockSize`) into a few 64-bit words, so
/// 68 k series × 15 minutes fit in tens of MiB instead of half a GiB.
///
/// Most exposition values are integers (counts, bytes, MiB) or decimals with a few digits (DCGM's `%f`
/// watts): such a block is stored as its first value scaled to an integer, then the zig-zag deltas
/// between consecutive values, bit-packed at the width of the largest delta. A counter that grows by
/// tens per second costs a few bits per point; a gauge that does not move costs none. Where the deltas
/// themselves change less than they are large — a counter growing at a steady rate, a histogram bucket of
/// a steady load — the block stores the first delta and then the zig-zag changes between deltas (delta of
/// delta, as Gorilla stores timestamps), whichever of the two takes fewer words. Blocks with other values
/// (fractions, sums in seconds, NaN) are XOR-packed (`XORFloats`), or keep the raw 64-bit patterns where that
/// does not save a word. Absent points (the series was missing from a scrape) cost nothing but a presence
/// bitmap.
///
/// Layout: `meta` word (count, width, kind, scale, hasMissing), optional presence bitmap, then
/// `first scaled integer, packed deltas…` (kind 1), `first scaled integer, first delta, packed changes of
/// delta…` (kind 2), `first raw value, XOR stream…` (kind 3, the width field holding the stream's words) or
/// `raw values…` (kind 0).
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
        if let (scale, integers) = scaledIntegers(present), let differences = Differences(integers) {
            let ofDeltas = differences.ofDeltasAreSmaller
            words.append(
                meta(
                    count: values.count, width: ofDeltas ? differences.ofDeltasWidth : differences.deltasWidth,
                    kind: ofDeltas ? 2 : 1, scale: scale, hasMissing: hasMissing))
            if hasMissing { words.append(presence) }
            if let first = integers.first { words.append(UInt64(bitPattern: first)) }
            if ofDeltas {
                words.append(UInt64(bitPattern: differences.firstDelta))
                pack(differences.ofDeltas, width: differences.ofDeltasWidth, into: &words)
            } else {
                pack(differences.deltas, width: differences.deltasWidth, into: &words)
            }
        } else if let stream = XORFloats.encode(present) {
            // The width field holds the stream's length in words: fewer than the 63 raw values it replaces.
            words.append(meta(count: values.count, width: stream.count, kind: 3, scale: 0, hasMissing: hasMissing))
            if hasMissing { words.append(presence) }
            words.append(present[0].bitPattern)
            words.append(contentsOf: stream)
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
        switch info.kind {
        case 1: return length + min(present, 1) + (max(0, present - 1) * info.width + 63) / 64
        case 2: return length + min(present, 2) + (max(0, present - 2) * info.width + 63) / 64
        case 3: return length + 1 + info.width
        default: return length + present
        }
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
        if info.kind == 3 {
            let values = XORFloats.decode(
                presence.nonzeroBitCount, first: Double(bitPattern: words[cursor]), from: words, at: cursor + 1)
            var next = 0
            for slot in 0..<info.count where presence & (1 << UInt64(slot)) != 0 {
                result[slot] = values[next]
                next += 1
            }
        } else if info.kind != 0 {
            guard presence != 0 else { return result }
            let divisor = powersOfTen[info.scale]
            let ofDeltas = info.kind == 2
            var integer = Int64(bitPattern: words[cursor])
            cursor += 1
            // With changes of delta stored, the first delta is a word of its own (read at the second point).
            var delta: Int64 = 0
            let packed = ofDeltas && presence.nonzeroBitCount > 1 ? cursor + 1 : cursor
            var bit = 0
            var point = 0
            for slot in 0..<info.count where presence & (1 << UInt64(slot)) != 0 {
                if point == 1 && ofDeltas {
                    delta = Int64(bitPattern: words[cursor])
                } else if point > 0 {
                    let change = zigzagDecode(unpack(words, base: packed, bit: bit, width: info.width))
                    bit += info.width
                    delta = ofDeltas ? delta &+ change : change
                }
                integer = integer &+ delta
                point += 1
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

    /// The zig-zag deltas between consecutive integers and the changes between consecutive deltas, with the
    /// bit width each needs; nil for fewer than one integer.
    struct Differences {
        var deltas: [UInt64] = []
        var deltasWidth = 0
        var firstDelta: Int64 = 0
        var ofDeltas: [UInt64] = []
        var ofDeltasWidth = 0

        init?(_ integers: [Int64]) {
            guard !integers.isEmpty else { return nil }
            deltas.reserveCapacity(integers.count)
            ofDeltas.reserveCapacity(integers.count)
            var previous = integers[0]
            var previousDelta: Int64?
            for integer in integers.dropFirst() {
                let delta = integer &- previous
                let zigzag = BlockCodec.zigzagEncode(delta)
                deltas.append(zigzag)
                deltasWidth = max(deltasWidth, 64 - zigzag.leadingZeroBitCount)
                if let before = previousDelta {
                    let change = BlockCodec.zigzagEncode(delta &- before)
                    ofDeltas.append(change)
                    ofDeltasWidth = max(ofDeltasWidth, 64 - change.leadingZeroBitCount)
                } else {
                    firstDelta = delta
                }
                previousDelta = delta
                previous = integer
            }
        }

        /// Whether the changes of delta, with the first delta in a word of its own, take fewer words.
        var ofDeltasAreSmaller: Bool {
            guard deltas.count >= 2 else { return false }
            let asDeltas = (deltas.count * deltasWidth + 63) / 64
            return 1 + (ofDeltas.count * ofDeltasWidth + 63) / 64 < asDeltas
        }
    }

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

    /// The `width` bits at bit `bit` of the words from `base`, least significant first (as `pack` and
    /// `XORFloats` write them).
    static func unpack(_ words: [UInt64], base: Int, bit: Int, width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        let word = base + bit / 64
        let shift = bit % 64
        var value = words[word] >> UInt64(shift)
        if shift + width > 64 { value |= words[word + 1] << UInt64(64 - shift) }
        return width == 64 ? value : value & ((1 << UInt64(width)) - 1)
    }
}
