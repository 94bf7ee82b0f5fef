/// How one inference server names its metrics: a table that maps its series onto `EngineInstance` values.
/// A new server is a new table (see the `*Dialect.swift` files); the code that reads them is shared.
struct EngineDialect: Sendable {
    var engine: EngineKind
    /// Name prefixes this server uses, longest first (`ray_vllm:`, `vllm:`, `vllm_`).
    var prefixes: [String]
    /// Metric names (without prefix) whose presence on a page means this server is there.
    var markers: Set<String>
    /// Labels that tell instances apart within one page (besides the model), e.g. a federated `instance`.
    var instanceLabels: [String] = ["instance"]
    /// Labels naming the served model, in order of preference.
    var modelLabels: [String]
    /// Ranks that only one of which should be read (e.g. SGLang's `tp_rank`: every TP rank reports the
    /// same scheduler state); series with another value are skipped.
    var rankFilters: [LabelFilter] = []
    /// The table. For one metric, earlier rows win: a renamed metric lists its new name first.
    var sources: [MetricSource]
    /// A dialect of values about the page's server rather than a server of its own (Dynamo's worker KV
    /// statistics): they fill in what the other dialects' instances on the page lack, and form an instance
    /// only on a page without one.
    var fillsOtherInstances = false

    /// The name without this dialect's prefix, or nil when the name has none of its prefixes.
    func strip(_ name: String) -> Substring? {
        for prefix in prefixes where name.hasPrefix(prefix) { return name.dropFirst(prefix.count) }
        return nil
    }

    /// Sources by the sample name they match (without prefix): counters match with and without `_total`,
    /// histograms match their `_bucket` samples, summaries their family name.
    func lookupTable() -> [String: [(priority: Int, source: MetricSource)]] {
        var table: [String: [(priority: Int, source: MetricSource)]] = [:]
        for (priority, source) in sources.enumerated() {
            var keys: [String]
            switch source.shape {
            case .gauge, .summary: keys = [source.name]
            case .histogram: keys = [source.name + "_bucket"]
            case .counter:
                keys = [source.name]
                if source.name.hasSuffix("_total") {
                    keys.append(String(source.name.dropLast(6)))
                } else if !source.name.hasSuffix("_sum") && !source.name.hasSuffix("_count") {
                    keys.append(source.name + "_total")
                }
            }
            for key in keys { table[key, default: []].append((priority, source)) }
        }
        return table
    }

    /// Every engine dialect, most specific first (a page may match several).
    static let all: [EngineDialect] = [.vllm, .sglang, .tgi, .triton, .tensorrtllm, .llamacpp, .dynamo, .dynamoWorker]
}
