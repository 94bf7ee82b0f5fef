import Exposition

/// The label sets of one instance's histograms, built once when the instance is made: a page render then
/// allocates nothing per bucket. Keyed by the histogram's `le` texts (histograms with the same bounds share).
struct HistogramLabels: Sendable {
    struct Set: Sendable {
        let buckets: [Labels]
        let plain: Labels
    }

    private let sets: [[String]: Set]

    /// `before` and `after`: the labels that sort before and after `le` on this server's pages.
    init(metrics: EngineMetrics, before: [Label], after: [Label]) {
        var sets: [[String]: Set] = [:]
        for histogram in metrics.allHistograms where sets[histogram.leTexts] == nil {
            sets[histogram.leTexts] = Set(buckets: histogram.leTexts.map { Labels(before + [Label("le", $0)] + after) },
                                          plain: Labels(before + after))
        }
        self.sets = sets
    }

    subscript(histogram: BucketHistogram) -> Set {
        sets[histogram.leTexts]!
    }
}
