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
        let values = (0..<64).map { 1_000_000 + Double($0 * 7) }
        var words: [UInt64] = []
        BlockCodec.encode(values[...], into: &words)
        // meta + first value + 63 deltas of 4 bits (zig-zag 14) = 2 + 4 words, against 64 raw words.
        #expect(words.count == 6)
    }
}
