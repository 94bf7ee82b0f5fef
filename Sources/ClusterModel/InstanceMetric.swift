/// A value of an engine instance that a dialect table can feed; the `shape` of the source says how it is read.
enum InstanceMetric: Int, CaseIterable, Sendable {
    // Gauges, read as they are (summed over the instance's ranks and engines).
    case running, waiting, kvCacheUsage, generationThroughput, promptThroughput, prefixHitRatio
    // Counters, read as rates.
    case promptTokens, generationTokens, requests, preemptions, prefixQueries, prefixHits, aborted, failed
    // Histograms (or summaries), read as quantiles.
    case ttft, itl, e2e, queueTime
}

/// How a source series is read.
enum SourceShape: Sendable {
    case gauge
    /// A cumulative counter (or a histogram's `_sum`/`_count`): its rate.
    case counter
    /// A histogram family: its `_bucket` series, quantiles from bucket rates.
    case histogram
    /// A summary family: its `quantile` series, read as they are.
    case summary
}

/// A label condition on a source: the series must (or must not) carry one of `values` in `label`.
struct LabelFilter: Sendable {
    var label: String
    var values: Set<String>
    var negated = false

    func accepts(_ value: String?) -> Bool {
        guard let value else { return negated }
        return values.contains(value) != negated
    }
}

/// One row of a dialect table: the metric `name` (without the dialect's prefix) feeds `metric`.
struct MetricSource: Sendable {
    var name: String
    var metric: InstanceMetric
    var shape: SourceShape
    /// Multiplies values (gauges, rates) or bucket bounds (histograms) into the model's units:
    /// 0.01 for percent, 0.001 for milliseconds, 1e-6 for microseconds.
    var scale = 1.0
    var filter: LabelFilter?
    /// An instance fed by this source is of this engine rather than the dialect's (Triton models served by
    /// the TensorRT-LLM backend).
    var engine: EngineKind?

    init(_ name: String, _ metric: InstanceMetric, _ shape: SourceShape, scale: Double = 1, filter: LabelFilter? = nil,
         engine: EngineKind? = nil) {
        self.name = name
        self.metric = metric
        self.shape = shape
        self.scale = scale
        self.filter = filter
        self.engine = engine
    }
}
