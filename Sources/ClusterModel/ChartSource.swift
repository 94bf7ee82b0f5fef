import MetricStore

/// One stored family that feeds a cluster chart (tokens/s, queue, TTFT), described so that a query server
/// can sum it over the whole cluster for a span of time at once: a history backfill then costs one series per
/// chart line (a few per histogram bound), however many instances there are.
///
/// Derived from the dialect tables, as `ReadFamily` is. Within one `group` (one dialect's value, e.g. vLLM's
/// generation tokens) the sources are in the dialect's order of preference, and only the first one the
/// server has is read, as the dialects read one source per value.
package struct ChartSource: Sendable, Hashable {
    /// A label condition of the dialect table (a `finished_reason`, SGLang's rank 0), as a matcher.
    package struct Condition: Sendable, Hashable {
        package var label: String
        package var values: [String]
        package var negated: Bool
        /// A series without the label passes too (rank filters apply only where the label is present).
        package var orAbsent: Bool
    }

    /// The cluster values it feeds: one scalar, or the TTFT quantiles for a histogram.
    package var series: HistoryKey.ClusterSeries
    package var group: String
    /// The stored sample name; a histogram's base name.
    package var name: String
    package var shape: ReadFamily.Shape
    /// Into the model's units (values, or a histogram's bounds).
    package var scale: Double
    package var conditions: [Condition]

    /// The chart lines: generation and prompt tokens/s, running and waiting, TTFT (p95 drawn).
    package static let all: [ChartSource] = {
        let wanted: [(HistoryKey.ClusterSeries, [InstanceMetric])] = [
            (.generationTPS, [.generationTokens, .generationThroughput]), (.promptTPS, [.promptTokens, .promptThroughput]),
            (.running, [.running]), (.waiting, [.waiting]), (.ttftP95, [.ttft]),
        ]
        var sources: [ChartSource] = []
        for dialect in EngineDialect.all where !dialect.fillsOtherInstances {
            let rank = dialect.rankFilters.map {
                Condition(label: $0.label, values: $0.values.sorted(), negated: $0.negated, orAbsent: true)
            }
            for (series, metrics) in wanted {
                for metric in metrics {
                    for source in dialect.sources where source.metric == metric && source.shape != .summary {
                        let filter =
                            source.filter.map {
                                [Condition(label: $0.label, values: $0.values.sorted(), negated: $0.negated, orAbsent: false)]
                            } ?? []
                        for prefix in dialect.prefixes {
                            let name = prefix + source.name
                            let names = source.shape == .counter && !name.hasSuffix("_total") ? [name + "_total", name] : [name]
                            for stored in names {
                                sources.append(
                                    ChartSource(
                                        series: series, group: "\(dialect.engine.rawValue) \(series.rawValue)",
                                        name: stored, shape: ReadFamily.shape(source.shape), scale: source.scale,
                                        conditions: rank + filter))
                            }
                        }
                    }
                }
            }
        }
        return sources
    }()

    /// The stored name to look for on the server (a histogram's `_bucket` series).
    package var sampleName: String { shape == .histogram ? name + "_bucket" : name }

    /// One step of a backfill from the server's sums: `values` has, per source that answered at that time, its
    /// cluster-wide value (a histogram's per-`le` rates, `le` as the server wrote it). Per group the first source
    /// with a value counts; a value none answered is absent. The picture holds the totals only: per-instance
    /// history starts with the live refreshes.
    package static func snapshot(timeMs: Int64, values: [ChartSource: [(le: String?, value: Double)]]) -> ClusterSnapshot {
        var scalars: [HistoryKey.ClusterSeries: Double] = [:]
        var histograms: [[Double: Double]] = []
        var seen = Set<String>()
        for source in all where !seen.contains(source.group) {
            guard let answer = values[source], !answer.isEmpty else { continue }
            seen.insert(source.group)
            if source.shape == .histogram {
                var buckets: [Double: Double] = [:]
                for (le, rate) in answer {
                    guard let le, let bound = HistogramBucket.parseBound(le), rate.isFinite else { continue }
                    buckets[bound == .infinity ? bound : bound * source.scale, default: 0] += rate
                }
                histograms.append(buckets)
            } else if let value = answer.first?.value, value.isFinite {
                scalars[source.series, default: 0] += value * source.scale
            }
        }
        // Histograms merge by adding the rates of equal bounds; engines with other bounds cannot be merged, so
        // the histogram with the most observations stands for the cluster then.
        var merged = histograms.max { ($0[.infinity] ?? 0) < ($1[.infinity] ?? 0) } ?? [:]
        if histograms.count > 1, histograms.allSatisfy({ Set($0.keys) == Set(merged.keys) }) {
            merged = histograms.reduce(into: [:]) { sum, buckets in sum.merge(buckets, uniquingKeysWith: +) }
        }
        let ttft = HistogramQuantile.standard(merged.map { HistogramBucket(upperBound: $0.key, count: $0.value) })
        var totals = ClusterTotals()
        totals.generationTokensPerSecond = scalars[.generationTPS]
        totals.promptTokensPerSecond = scalars[.promptTPS]
        totals.running = scalars[.running]
        totals.waiting = scalars[.waiting]
        totals.ttft = Quantiles(p50: ttft.p50, p90: ttft.p90, p95: ttft.p95, p99: ttft.p99)
        return ClusterSnapshot(timeMs: timeMs, totals: totals)
    }
}
