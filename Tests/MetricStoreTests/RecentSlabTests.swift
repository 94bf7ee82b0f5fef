import Testing

@testable import MetricStore

/// The raw slots of the newest scrapes: a series starts with every slot absent, whether its number is new (its
/// chunk was made absent) or reused from a dropped series (whose values it must not inherit).
@Suite struct RecentSlabTests {
    @Test func aPreparedSeriesHasOnlyAbsentSlots() {
        var slab = RecentSlab(capacity: 14)
        func slots(_ series: Int) -> [Double] { slab.gather(series: series) }
        for series in 0..<600 {
            slab.prepare(series: series)
            #expect(slots(series).allSatisfy(BlockCodec.isAbsent), "new series \(series)")
            for scrape in 0..<slab.slots { slab.set(Double(series * 100 + scrape), series: series, scrape: scrape) }
        }
        // Numbers given back by dropped series, in a chunk made earlier and in the newest one.
        for series in [3, 511, 512, 599] {
            slab.prepare(series: series)
            #expect(slots(series).allSatisfy(BlockCodec.isAbsent), "reused series \(series)")
        }
        #expect(slots(4) == (0..<slab.slots).map { Double(400 + $0) })
        slab.prepare(series: 1100)  // two chunks on: the ones between are made too
        #expect(slots(1100).allSatisfy(BlockCodec.isAbsent))
        #expect(slots(700).allSatisfy(BlockCodec.isAbsent))
    }
}
