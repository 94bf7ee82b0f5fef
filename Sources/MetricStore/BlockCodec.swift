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
/// delta, as Gorilla stores timestamps), whichever of the two takes fewer bits. Blocks with other values
/// (fractions, sums in seconds, NaN) are XOR-packed (`XORFloats`), or keep the raw 64-bit patterns where that
/// does not save a word. Absent points (the series was missing from a scrape) cost nothing but a presence
/// bitmap.
///
/// A block is one `BitStream`, padded to whole words: a 32-bit header (`Header`), the presence bitmap (`count`
/// bits) when a point is absent, then the points: the first scaled integer at its own width and the packed
/// deltas (`Kind.deltas`); the first integer, the first delta at its own width and the packed changes of delta
/// (`Kind.deltasOfDeltas`); the first raw value and the XOR stream (`Kind.xor`); or the raw values (`Kind.raw`).
/// The first value and delta take only the bits they need, not a word each: most series' blocks are headers and
/// first values (a bucket that stays at 0, a counter at a steady rate), and at 62 k series × 15 minutes a word
/// per block is 13 MiB.
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

    enum Kind: Int {
        case raw = 0, deltas, deltasOfDeltas, xor
    }

    /// The first 32 bits of a block: `count - 1` (6 bits), kind (2), whether a point is absent (1), the decimal
    /// scale (3), then 18 bits that depend on the kind: for integers the widths of the packed values, the first
    /// integer and the first delta (6 each: zig-zag integers below 2^53 and their differences need at most 56);
    /// for an XOR block the stream's length in bits (12: at most 62 words, as `XORFloats` gives up beyond).
    struct Header {
        static let bits = 32
        var count: Int
        var kind: Kind
        var hasMissing: Bool
        var scale = 0
        var width = 0
        var firstWidth = 0
        var deltaWidth = 0
        var streamBits = 0

        init(count: Int, kind: Kind, hasMissing: Bool) {
            self.count = count
            self.kind = kind
            self.hasMissing = hasMissing
        }

        init(_ word: UInt64) {
            count = Int(word & 0x3f) + 1
            kind = Kind(rawValue: Int((word >> 6) & 3))!
            hasMissing = (word >> 8) & 1 == 1
            scale = Int((word >> 9) & 7)
            if kind == .xor {
                streamBits = Int((word >> 12) & 0xfff)
            } else {
                width = Int((word >> 12) & 0x3f)
                firstWidth = Int((word >> 18) & 0x3f)
                deltaWidth = Int((word >> 24) & 0x3f)
            }
        }

        var word: UInt64 {
            precondition(width < 64 && firstWidth < 64 && deltaWidth < 64 && streamBits < 4096 && scale <= maxScale)
            let specific = kind == .xor ? UInt64(streamBits) : UInt64(width) | UInt64(firstWidth) << 6 | UInt64(deltaWidth) << 12
            return UInt64(count - 1) | UInt64(kind.rawValue) << 6 | (hasMissing ? 1 << 8 : 0) | UInt64(scale) << 9
                | specific << 12
        }

        /// The bits of the points after the header and the presence bitmap, for `present` points.
        func pointBits(present: Int) -> Int {
            switch kind {
            case .raw: return present * 64
            case .deltas: return present == 0 ? 0 : firstWidth + (present - 1) * width
            case .deltasOfDeltas: return firstWidth + (present >= 2 ? deltaWidth + (present - 2) * width : 0)
            case .xor: return 64 + streamBits
            }
        }
    }

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
        var stream = BitStream()
        func start(_ header: Header) {
            stream.write(header.word, width: Header.bits)
            if hasMissing { stream.write(presence, width: values.count) }
        }
        if let (scale, integers) = scaledIntegers(present), let differences = Differences(integers) {
            let ofDeltas = differences.ofDeltasAreSmaller
            var header = Header(count: values.count, kind: ofDeltas ? .deltasOfDeltas : .deltas, hasMissing: hasMissing)
            header.scale = scale
            let first = zigzagEncode(integers[0])
            header.firstWidth = bitWidth(first)
            header.width = ofDeltas ? differences.ofDeltasWidth : differences.deltasWidth
            // With changes of delta, the first delta (the first of the zig-zag deltas) comes at its own width.
            header.deltaWidth = ofDeltas ? bitWidth(differences.deltas[0]) : 0
            start(header)
            stream.write(first, width: header.firstWidth)
            if ofDeltas { stream.write(differences.deltas[0], width: header.deltaWidth) }
            for value in ofDeltas ? differences.ofDeltas : differences.deltas { stream.write(value, width: header.width) }
        } else if let xor = XORFloats.encode(present) {
            var header = Header(count: values.count, kind: .xor, hasMissing: hasMissing)
            header.streamBits = xor.bit
            start(header)
            stream.write(present[0].bitPattern, width: 64)
            stream.append(xor)
        } else {
            start(Header(count: values.count, kind: .raw, hasMissing: hasMissing))
            for value in present { stream.write(value.bitPattern, width: 64) }
        }
        words.append(contentsOf: stream.words)
    }

    /// The number of words the block starting at `start` occupies.
    static func length(of words: [UInt64], at start: Int) -> Int {
        let header = Header(words[start])
        var present = header.count
        var bits = Header.bits
        if header.hasMissing {
            var reader = BitReader(words: words, base: start, bit: Header.bits)
            present = reader.read(header.count).nonzeroBitCount
            bits += header.count
        }
        bits += header.pointBits(present: present)
        return (bits + 63) / 64
    }

    /// Decodes the block starting at `start`: one value per slot, absent slots marked.
    static func decode(_ words: [UInt64], at start: Int) -> [Double] {
        let header = Header(words[start])
        var reader = BitReader(words: words, base: start, bit: Header.bits)
        let presence = header.hasMissing ? reader.read(header.count) : UInt64.max >> UInt64(64 - header.count)
        var result = [Double](repeating: absent, count: header.count)
        guard presence != 0 else { return result }
        var values: [Double] = []
        switch header.kind {
        case .raw:
            values = (0..<presence.nonzeroBitCount).map { _ in Double(bitPattern: reader.read(64)) }
        case .xor:
            let first = Double(bitPattern: reader.read(64))
            values = XORFloats.decode(presence.nonzeroBitCount, first: first, from: &reader)
        case .deltas, .deltasOfDeltas:
            values = integers(presence.nonzeroBitCount, header, &reader)
        }
        var next = 0
        for slot in 0..<header.count where presence & (1 << UInt64(slot)) != 0 {
            result[slot] = values[next]
            next += 1
        }
        return result
    }

    /// The `count` values of an integer block, from its first integer on.
    private static func integers(_ count: Int, _ header: Header, _ reader: inout BitReader) -> [Double] {
        let divisor = powersOfTen[header.scale]
        let ofDeltas = header.kind == .deltasOfDeltas
        var integer = zigzagDecode(reader.read(header.firstWidth))
        var delta: Int64 = 0
        var result: [Double] = []
        result.reserveCapacity(count)
        for point in 0..<count {
            if point == 1 && ofDeltas {
                delta = zigzagDecode(reader.read(header.deltaWidth))
            } else if point > 0 {
                let change = zigzagDecode(reader.read(header.width))
                delta = ofDeltas ? delta &+ change : change
            }
            integer = integer &+ delta
            result.append(header.scale == 0 ? Double(integer) : Double(integer) / divisor)
        }
        return result
    }

    // MARK: - Pieces

    /// The zig-zag deltas between consecutive integers and the changes between consecutive deltas, with the
    /// bit width each needs; nil for fewer than one integer.
    struct Differences {
        var deltas: [UInt64] = []
        var deltasWidth = 0
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
                deltasWidth = max(deltasWidth, BlockCodec.bitWidth(zigzag))
                if let before = previousDelta {
                    let change = BlockCodec.zigzagEncode(delta &- before)
                    ofDeltas.append(change)
                    ofDeltasWidth = max(ofDeltasWidth, BlockCodec.bitWidth(change))
                }
                previousDelta = delta
                previous = integer
            }
        }

        /// Whether the changes of delta, with the first delta at its own width, take fewer bits.
        var ofDeltasAreSmaller: Bool {
            guard deltas.count >= 2 else { return false }
            return BlockCodec.bitWidth(deltas[0]) + ofDeltas.count * ofDeltasWidth < deltas.count * deltasWidth
        }
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

    /// The bits `value` needs (0 for 0).
    private static func bitWidth(_ value: UInt64) -> Int { 64 - value.leadingZeroBitCount }
}
