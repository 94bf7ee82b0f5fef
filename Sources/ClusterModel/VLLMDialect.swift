/// vLLM (V1 engine, and the names of older servers still in the field). Every series carries `engine`
/// (data-parallel rank) besides `model_name`; a server's values are summed, or merged, over `engine`.
/// NVIDIA NIM for LLMs exposes the same names without prefix (METRICS.md §7), so the empty prefix is tried
/// last; its finished-request counter is `request_finish_total`.
extension EngineDialect {
    static let vllm = EngineDialect(
        engine: .vllm,
        prefixes: ["ray_vllm:", "vllm:", "vllm_", ""],
        markers: [
            "num_requests_running", "num_requests_waiting", "kv_cache_usage_perc", "gpu_cache_usage_perc",
            "generation_tokens_total", "time_to_first_token_seconds_bucket",
        ],
        modelLabels: ["model_name"],
        sources: [
            MetricSource("num_requests_running", .running, .gauge),
            MetricSource("num_requests_waiting", .waiting, .gauge),
            MetricSource("kv_cache_usage_perc", .kvCacheUsage, .gauge),
            MetricSource("gpu_cache_usage_perc", .kvCacheUsage, .gauge),  // deprecated in 0.9
            MetricSource("prompt_tokens_total", .promptTokens, .counter),
            MetricSource("generation_tokens_total", .generationTokens, .counter),
            MetricSource("request_success_total", .requests, .counter),
            MetricSource("request_finish_total", .requests, .counter),  // NIM
            MetricSource("num_preemptions_total", .preemptions, .counter),
            MetricSource("prefix_cache_queries_total", .prefixQueries, .counter),
            MetricSource("gpu_prefix_cache_queries_total", .prefixQueries, .counter),  // deprecated in 0.9
            MetricSource("prefix_cache_hits_total", .prefixHits, .counter),
            MetricSource("gpu_prefix_cache_hits_total", .prefixHits, .counter),
            MetricSource("time_to_first_token_seconds", .ttft, .histogram),
            MetricSource("inter_token_latency_seconds", .itl, .histogram),
            MetricSource("time_per_output_token_seconds", .itl, .histogram),  // deprecated in 0.11
            MetricSource("e2e_request_latency_seconds", .e2e, .histogram),
            MetricSource("request_queue_time_seconds", .queueTime, .histogram),
            MetricSource("spec_decode_num_draft_tokens_total", .draftTokens, .counter),
            MetricSource("spec_decode_num_accepted_tokens_total", .acceptedTokens, .counter),
        ] + MetricSource.outcomes("request_success_total"))
}
