/// A value of an engine instance that a dialect table can feed; the `shape` of the source says how it is read.
enum InstanceMetric: Int, CaseIterable, Sendable {
    // Gauges, read as they are (summed over the instance's ranks and engines).
    case running, waiting, kvCacheUsage, generationThroughput, promptThroughput, prefixHitRatio
    // Counters, read as rates.
    case promptTokens, generationTokens, requests, preemptions, prefixQueries, prefixHits, aborted, failed
    // Finished requests by how they ended (besides aborted and failed), read as rates.
    case stopped, lengthLimited
    // Cumulative time spent and what it was spent on, for servers that give no latency histogram: the mean
    // is the rate of the time over the rate of the count (llama.cpp's seconds per predicted token, Triton's
    // microseconds per request).
    case itlTime, itlCount, e2eTime, e2eCount, queueTimeTotal, queueCount
    // llama.cpp's generation speed of the requests that ended since the previous scrape (it resets at every
    // scrape): decode steps per second of generation time, so n − 1 tokens a request, as its own timings count.
    case generationStepsPerSecond
    // llama.cpp's decode calls and its lifetime mean of busy slots per call: their product is a counter of the
    // tokens decoded, which moves with every decode (its token counters move only when a request ends).
    case decodeCalls, busySlotsPerDecode
    // Time spent on prompts (prefill speed), prompt tokens served from the cache (prefix-cache hits), the
    // longest sequence seen, and speculative decoding's draft and accepted tokens.
    case promptTime, cachedPromptTokens, maxSequenceTokens, draftTokens, acceptedTokens
    // Histograms (or summaries), read as quantiles.
    case ttft, itl, e2e, queueTime
}

extension InstanceMetric {
    /// What a value of this metric can be, in the model's units: a gauge's value, a counter's rate per second,
    /// a histogram's quantile (`ValidRange`).
    var validRange: ValidRange {
        switch self {
        case .running, .waiting, .requests, .preemptions, .aborted, .failed, .stopped, .lengthLimited, .e2eCount,
            .queueCount:
            return .requests
        case .kvCacheUsage, .prefixHitRatio: return .fraction
        case .generationThroughput, .promptThroughput, .promptTokens, .generationTokens, .prefixQueries, .prefixHits,
            .itlCount, .generationStepsPerSecond:
            return .tokens
        // Seconds spent per second: how many requests were in that stage at once.
        case .itlTime, .e2eTime, .queueTimeTotal, .promptTime: return .requests
        case .decodeCalls, .cachedPromptTokens, .draftTokens, .acceptedTokens, .maxSequenceTokens: return .tokens
        case .busySlotsPerDecode: return .requests
        case .ttft, .itl, .e2e, .queueTime: return .latency
        }
    }
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

    init(
        _ name: String, _ metric: InstanceMetric, _ shape: SourceShape, scale: Double = 1, filter: LabelFilter? = nil,
        engine: EngineKind? = nil
    ) {
        self.name = name
        self.metric = metric
        self.shape = shape
        self.scale = scale
        self.filter = filter
        self.engine = engine
    }
}

extension MetricSource {
    /// The requests of counter `name` (e.g. `request_success_total`) that finished for `reason`, one of the
    /// `finished_reason` values vLLM and TensorRT-LLM share: `stop`, `length`, `abort`, `error`.
    static func finished(_ name: String, _ reason: String, _ metric: InstanceMetric) -> MetricSource {
        MetricSource(name, metric, .counter, filter: LabelFilter(label: "finished_reason", values: [reason]))
    }

    /// The four outcome rows of a `finished_reason` counter.
    static func outcomes(_ name: String) -> [MetricSource] {
        [
            finished(name, "abort", .aborted), finished(name, "error", .failed), finished(name, "stop", .stopped),
            finished(name, "length", .lengthLimited),
        ]
    }
}
