import Exposition
import MetricStore
import TestSupport
import Testing

/// `rates` (every bucket of every histogram, each frame) reads a steady target's series from their raw slots
/// alone; whatever the pages did — counters reset, series missing, new or dropped (their ids taken by another
/// target), gaps between scrapes, failed scrapes — it must give what `rate` gives series by series.
@Suite struct RatesTests {
    /// One target's page as text: counters `c0…` and gauges, leaving out the series `missing` names. Target a's
    /// pages are parsed by a `RepeatingPageParser`, so a page of the last page's layout is stored by position;
    /// target b's by `ExpositionParser`, so every page is stored by labels.
    private static func page(_ counters: [Double], missing: Set<Int>) -> [UInt8] {
        var text = ""
        for (index, value) in counters.enumerated() where !missing.contains(index) {
            text += "# TYPE c\(index)_total counter\nc\(index)_total{engine=\"0\"} \(value)\n"
            text += "# TYPE g\(index) gauge\ng\(index) \(value / 3)\n"
        }
        return Array(text.utf8)
    }

    @Test(arguments: [1, 2, 3, 4])
    func ratesAgreeWithRateSeriesBySeries(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        // Fourteen raw slots: a series missing for the retention is dropped, and its id goes to the next new one.
        var store = MetricStore(configuration: StoreConfiguration().keeping(windowsOfMs: 10_000))
        let targets = ["a", "b"]
        var counters = [[Double]](repeating: Array(repeating: 0, count: 4), count: targets.count)
        var missing = [Set<Int>](repeating: [], count: targets.count)
        var parser = RepeatingPageParser()
        var timeMs: Int64 = 0
        var (fastWindows, checked) = (0, 0)
        var seen: Set<SeriesID> = []
        for _ in 0..<400 {
            // Now and then a gap longer than the store bridges.
            timeMs += random.next() % 40 == 0 ? 60_000 : 1_000
            for t in targets.indices {
                for index in counters[t].indices {
                    counters[t][index] = random.next() % 60 == 0 ? 0 : counters[t][index] + Double(random.next() % 50)
                }
                if random.next() % 50 == 0 { counters[t].append(0) }  // a new series
                if random.next() % 25 == 0 {
                    missing[t].formSymmetricDifference([Int(random.next() % UInt64(counters[t].count))])
                }
                if random.next() % 60 == 0 {
                    store.markFailed(target: targets[t], atMs: timeMs, error: "refused")
                } else {
                    let text = Self.page(counters[t], missing: missing[t])
                    let page = t == 0 ? parser.parse(text) : ExpositionParser.parse(text)
                    store.ingest(target: targets[t], page: page, atMs: timeMs)
                    // The same page as a query server's answer: its counters are rates already, read, not differenced.
                    if t == 1 { store.ingest(target: "given", page: page, atMs: timeMs, givenRateWindowMs: 10_000) }
                }
            }
            for target in targets + ["given"] { seen.formUnion(store.series(of: target)) }
            for target in targets + ["given"] {
                for windowMs: Int64 in [2_000, 5_000, 10_000] {
                    for back: Int64 in [0, 3_000] {
                        guard let window = store.window(of: target, windowMs: windowMs, atMs: timeMs - back) else { continue }
                        var result: [Double] = []
                        // Every id ever listed, as a plan made before a drop still holds it.
                        let all = seen.sorted { $0.raw < $1.raw }
                        for id in all {
                            let one = store.rates([id][...], in: window, into: &result)
                            let expected = store.rate(id, in: window)
                            #expect(one == (expected != nil), "series \(store.info(id).name) of \(target)")
                            if one, let expected { #expect(result == [expected.perSecond]) }
                            checked += 1
                        }
                        let ofTarget = store.series(of: target)
                        if store.rates(ofTarget[...], in: window, into: &result) {
                            fastWindows += 1
                            #expect(result == ofTarget.compactMap { store.rate($0, in: window)?.perSecond })
                        }
                    }
                }
            }
        }
        // The runs must have had both: windows where every series had a rate, and series checked one by one.
        #expect(fastWindows > 100 && checked > 10_000)
        #expect(parser.reusedPages > 200, "most of a's pages stored by position")
    }
}
