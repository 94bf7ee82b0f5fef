/// SGLang, old and new names. Scheduler gauges carry `tp_rank`/`pp_rank` (every tensor-parallel rank
/// reports the same scheduler state, so rank 0 is read) and `dp_rank` (summed); tokenizer-side counters
/// and histograms carry only `model_name`.
extension EngineDialect {
    static let sglang = EngineDialect(
        engine: .sglang,
        prefixes: ["sglang:", "sglang_"],
        markers: ["num_running_reqs", "num_queue_reqs", "token_usage", "time_to_first_token_seconds_bucket"],
        modelLabels: ["model_name"],
        rankFilters: [
            LabelFilter(label: "tp_rank", values: ["0"], negated: false),
            LabelFilter(label: "pp_rank", values: ["0"], negated: false),
        ],
        sources: [
            MetricSource("num_running_reqs", .running, .gauge),
            MetricSource("num_queue_reqs", .waiting, .gauge),
            MetricSource("token_usage", .kvCacheUsage, .gauge),
            MetricSource("gen_throughput", .generationThroughput, .gauge),
            MetricSource("cache_hit_rate", .prefixHitRatio, .gauge),
            MetricSource(
                "realtime_tokens_total", .generationTokens, .counter,
                filter: LabelFilter(label: "mode", values: ["decode"])),
            MetricSource("generation_tokens_total", .generationTokens, .counter),
            MetricSource("prompt_tokens_total", .promptTokens, .counter),
            MetricSource("num_requests_total", .requests, .counter),
            MetricSource("num_aborted_requests_total", .aborted, .counter),
            MetricSource("time_to_first_token_seconds", .ttft, .histogram),
            MetricSource("inter_token_latency_seconds", .itl, .histogram),
            MetricSource("time_per_output_token_seconds", .itl, .histogram),  // the old name
            MetricSource("e2e_request_latency_seconds", .e2e, .histogram),
            MetricSource("queue_time_seconds", .queueTime, .histogram),
        ])
}
