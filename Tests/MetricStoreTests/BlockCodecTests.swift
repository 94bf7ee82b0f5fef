import TestSupport
import Testing

@testable import MetricStore

/// The compressed blocks give back exactly what went in, for every kind of value a page can hold.
@Suite struct BlockCodecTests {
    private func roundTrip(_ values: [Double]) -> [Double] {
        var words: [UInt64] = []
        BlockCodec.encode(values[...], into: &words)
        #expect(BlockCodec.length(of: words, at: 0) == words.count)
        return BlockCodec.decode(words, at: 0)
    }

    private func same(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test func integersDecimalsAndRawValuesRoundTrip() {
        var generator = SplitMix(seed: 7)
        let counter = (0..<64).reduce(into: [Double]()) { list, _ in
            list.append((list.last ?? 1000) + Double(generator.next() % 50))
        }
        let watts = (0..<64).map { _ in Double(Int(generator.next() % 400_000_000)) / 1_000_000 }
        let fractions = (0..<64).map { _ in Double(generator.next() % 1_000_000_007) / 1_000_000_007 }
        let constant = [Double](repeating: 42, count: 64)
        let special: [Double] = [0, -0.0, .nan, .infinity, -.infinity, 1e300, -5, 9.2e18]
        for values in [counter, watts, fractions, constant, special, [3.5], Array(counter.prefix(17))] {
            #expect(same(roundTrip(values), values))
        }
    }

    @Test func absentSlotsCostNothingAndStayAbsent() {
        var values = (0..<64).map { Double($0 * 3) }
        for slot in stride(from: 0, to: 64, by: 5) { values[slot] = BlockCodec.absent }
        let back = roundTrip(values)
        #expect(same(back, values))
        #expect(BlockCodec.isAbsent(back[5]))
        let allAbsent = [Double](repeating: BlockCodec.absent, count: 64)
        #expect(same(roundTrip(allAbsent), allAbsent))
    }

    @Test func aSlowCounterTakesFewBits() {
        var generator = SplitMix(seed: 11)
        let values = (0..<64).reduce(into: [Double]()) { list, _ in
            list.append((list.last ?? 1_000_000) + Double(generator.next() % 15))
        }
        var words: [UInt64] = []
        BlockCodec.encode(values[...], into: &words)
        // Deltas of 0…14 (zig-zag ≤ 28, 5 bits) beat their changes (−14…14, zig-zag ≤ 28, and the first delta
        // besides): a 32-bit header + the first value (zig-zag 2,000,000: 21 bits) + 63 × 5 bits = 368 bits, 6
        // words, against 64 raw words.
        #expect(words.count == 6)
        #expect(same(BlockCodec.decode(words, at: 0), values))
    }

    @Test func aSteadyCounterStoresOnlyItsFirstDelta() {
        let values = (0..<64).map { 1_000_000 + Double($0 * 7) }
        var words: [UInt64] = []
        BlockCodec.encode(values[...], into: &words)
        // A 32-bit header + the first value (21 bits) + the first delta (zig-zag 14: 4 bits); every change of delta
        // is 0 bits. One word for 64 points.
        #expect(words.count == 1)
        #expect(same(BlockCodec.decode(words, at: 0), values))
    }

    @Test func aBucketThatStaysAtZeroTakesOneWord() {
        // Most of a histogram's buckets, most of the time: the header alone (the first value 0 needs no bits).
        var words: [UInt64] = []
        BlockCodec.encode([Double](repeating: 0, count: 32)[...], into: &words)
        #expect(words.count == 1)
        #expect(same(BlockCodec.decode(words, at: 0), [Double](repeating: 0, count: 32)))
    }

    @Test func blocksOfEveryKindFollowOneAnother() {
        // A column walks block lengths to find its k-th block: every kind, with and without absent points.
        var generator = SplitMix(seed: 9)
        var blocks: [[Double]] = []
        for round in 0..<200 {
            let count = 1 + Int(generator.next() % 64)
            var values: [Double] =
                switch round % 4 {
                case 0: (0..<count).map { Double($0 * 5) + 123_456 }
                case 1: (0..<count).map { _ in Double(generator.next() % 1_000_000_007) / 1_000_000_007 }
                case 2: (0..<count).map { _ in Double(bitPattern: generator.next()) }
                default: (0..<count).map { _ in Double(generator.next() % 100) }
                }
            if round % 3 == 0 {
                for slot in values.indices where generator.next() % 4 == 0 { values[slot] = BlockCodec.absent }
            }
            blocks.append(values)
        }
        var words: [UInt64] = []
        for block in blocks { BlockCodec.encode(block[...], into: &words) }
        var offset = 0
        for (index, block) in blocks.enumerated() {
            #expect(same(BlockCodec.decode(words, at: offset), block), "block \(index)")
            offset += BlockCodec.length(of: words, at: offset)
        }
        #expect(offset == words.count)
    }

    @Test func changesOfDeltaRoundTripWithGapsAndWrapAround() {
        var generator = SplitMix(seed: 5)
        for round in 0..<500 {
            let count = 1 + Int(generator.next() % 64)
            let rate = Double(generator.next() % 1000)
            let jitter = UInt64(1 + round % 7)
            var values = (0..<count).map { index in
                Double(index) * rate + Double(generator.next() % jitter) + (round % 3 == 0 ? 8.9e15 : 0)
            }
            if round % 4 == 1 {
                for slot in values.indices where generator.next() % 3 == 0 { values[slot] = BlockCodec.absent }
            }
            if round % 5 == 2 { values = values.map { $0 / 1000 } }
            if round % 11 == 0, count > 2 { values[count / 2] = -8.9e15 }
            #expect(same(roundTrip(values), values), "round \(round): \(values)")
        }
    }

    @Test func floatsThatAreNotDecimalsAreXORPacked() {
        var generator = SplitMix(seed: 3)
        let usage = 0.6702733887082829
        let constant = [Double](repeating: usage, count: 32)
        var words: [UInt64] = []
        BlockCodec.encode(constant[...], into: &words)
        // A 32-bit header + the first value + 31 one-bit "unchanged" marks: 127 bits.
        #expect(words.count == 2)
        #expect(same(BlockCodec.decode(words, at: 0), constant))

        // A sum of seconds growing by a few tenths a scrape changes only its low bits.
        let sum = (0..<32).reduce(into: [Double]()) { list, _ in
            list.append((list.last ?? 12_345.678901234567) + Double(generator.next() % 1000) / 3000)
        }
        words = []
        BlockCodec.encode(sum[...], into: &words)
        #expect(words.count < 1 + 32)
        #expect(same(BlockCodec.decode(words, at: 0), sum))

        for round in 0..<300 {
            let count = 2 + Int(generator.next() % 63)
            var values = (0..<count).map { _ in
                switch generator.next() % 6 {
                case 0: return usage
                case 1: return Double(generator.next() % 1_000_000_007) / 1_000_000_007
                case 2:
                    return [Double.nan, .infinity, -.infinity, -0.0, 1e-300, .leastNonzeroMagnitude][Int(generator.next() % 6)]
                default: return usage + Double(generator.next() % 100) * 1e-12
                }
            }
            if round % 3 == 0 {
                for slot in values.indices where generator.next() % 4 == 0 { values[slot] = BlockCodec.absent }
            }
            #expect(same(roundTrip(values), values), "round \(round): \(values)")
        }
    }
}
