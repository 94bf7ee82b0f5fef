/// The type a family declares with `# TYPE`. Samples are grouped into families by this declared type,
/// never by a name suffix alone (`vllm:iteration_tokens_total` is a histogram, not a counter).
package enum MetricType: String, Sendable, Hashable, CaseIterable {
    case counter, gauge, histogram, summary, untyped
    /// OpenMetrics 1.0 only.
    case unknown, info, stateset, gaugehistogram

    /// The sample-name suffixes that belong to a family of this type, besides the family name itself.
    package var sampleSuffixes: [String] {
        switch self {
        case .counter: return ["_total", "_created"]
        case .histogram: return ["_bucket", "_sum", "_count", "_created"]
        case .summary: return ["_sum", "_count", "_created"]
        case .gaugehistogram: return ["_bucket", "_gsum", "_gcount"]
        case .info: return ["_info"]
        case .gauge, .untyped, .unknown, .stateset: return []
        }
    }
}
