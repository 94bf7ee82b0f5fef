import Exposition
import MetricStore
import Testing

/// Pages that carry a layout (from `RepeatingPageParser`) are stored by position; the store must hold exactly
/// what it holds when the same pages come without one and every sample is matched by its labels.
@Suite struct RepeatedLayoutTests {
    /// A page of `series` gauges and one counter; `shape` changes the label of one series (a new layout).
    static func page(_ step: Int, series: Int = 6, shape: Int = 0, missing: Int? = nil, done: Int? = nil) -> [UInt8] {
        var text = "# TYPE load gauge\n"
        for index in 0..<series where index != missing {
            let label = index == 2 ? "slot\(shape)" : "s\(index)"
            text += "load{name=\"\(label)\"} \(Double(step * (index + 1)) / 4)\n"
        }
        text += "# TYPE done_total counter\ndone_total \(done ?? step * 3)\n"
        return Array(text.utf8)
    }

    /// Every series of `target` as name + labels → its latest value and its points over the whole run, as text
    /// (so that absent points, NaN, compare equal).
    static func contents(_ store: MetricStore, _ target: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for id in store.series(of: target) {
            let info = store.info(id)
            let key = info.name + info.labels.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            let rate = store.rate(id, windowMs: 4_000).map { "\($0.perSecond)" } ?? "no rate"
            result[key] =
                ["\(store.latest(id) as Double?)", rate, "restart \(store.restartMs(id) as Int64?)"]
                + store.points(id, fromMs: 0, toMs: .max).map { "\($0.timeMs) \($0.value)" }
        }
        return result
    }

    @Test func storedByPositionEqualsStoredByLabels() {
        let configuration = StoreConfiguration(retentionMs: 8_000, scrapeIntervalMs: 1000)
        var byPosition = MetricStore(configuration: configuration)
        var byLabels = MetricStore(configuration: configuration)
        var parser = RepeatingPageParser()
        // Same layout, then a changed label, a missing series long enough to be dropped, and back again.
        var pages: [[UInt8]] = (1...5).map { Self.page($0) }
        pages += (6...8).map { Self.page($0, shape: 1) }
        pages += (9...20).map { Self.page($0, shape: 1, missing: 4) }
        pages += (21...25).map { Self.page($0, shape: 1) }
        // The counter resets (its process restarted), then the pages stop for longer than a gap and come back.
        pages += (26...30).map { Self.page($0, shape: 1, done: $0 - 25) }
        pages += (31...34).map { Self.page($0, shape: 1) }
        var layouts = 0
        for (step, bytes) in pages.enumerated() {
            let page = parser.parse(bytes)
            #expect(page.layout != nil)
            layouts += page.layout == nil ? 0 : 1
            let atMs = Int64(step + 1) * 1000 + (step >= 30 ? 5_000 : 0)
            byPosition.ingest(target: "t", page: page, atMs: atMs)
            byLabels.ingest(target: "t", page: ExpositionParser.parse(bytes), atMs: atMs)
            #expect(Self.contents(byPosition, "t") == Self.contents(byLabels, "t"), "after page \(step + 1)")
        }
        #expect(parser.reusedPages >= 29)
    }

    @Test func aLayoutFromAnotherTargetIsNotTrusted() {
        var store = MetricStore(configuration: StoreConfiguration(retentionMs: 60_000, scrapeIntervalMs: 1000))
        var first = ExpositionParser.parse(Self.page(1))
        first.layout = 7
        store.ingest(target: "a", page: first, atMs: 1000)
        // Target b's page claims a's layout but holds other series: b never stored a page of that layout.
        var other = ExpositionParser.parse(Self.page(1, shape: 3))
        other.layout = 7
        store.ingest(target: "b", page: other, atMs: 1000)
        let names = store.series(of: "b").map { store.info($0).labels.pairs.map(\.value) }
        #expect(names.contains(["slot3"]))
    }
}
