/// NVIDIA Dynamo's HTTP frontend (`dynamo_frontend_*`), one instance per model it routes. Dynamo worker
/// pages carry the backend's own families too (SGLang, vLLM, TensorRT-LLM), which their dialects read.
extension EngineDialect {
    static let dynamo = EngineDialect(
        engine: .dynamo,
        prefixes: ["dynamo_frontend_"],
        markers: ["inflight_requests", "queued_requests", "requests_total", "time_to_first_token_seconds_bucket"],
        modelLabels: ["model", "model_name"],
        sources: [
            MetricSource("inflight_requests", .running, .gauge),
            MetricSource("queued_requests", .waiting, .gauge),
            MetricSource("output_tokens_total", .generationTokens, .counter),
            MetricSource("requests_total", .requests, .counter),
            MetricSource(
                "requests_total", .failed, .counter,
                filter: LabelFilter(label: "status", values: ["success"], negated: true)),
            MetricSource("time_to_first_token_seconds", .ttft, .histogram),
            MetricSource("inter_token_latency_seconds", .itl, .histogram),
            MetricSource("request_duration_seconds", .e2e, .histogram),
        ])

    /// A Dynamo worker's KV statistics (`dynamo_component_kvstats_*`, gauges 0–1, no model label), published
    /// by vLLM, SGLang and TensorRT-LLM workers next to the backend's own families: they fill in the KV use
    /// and prefix hit rate of the backend's instance when its own families lack them (TensorRT-LLM has none).
    static let dynamoWorker = EngineDialect(
        engine: .dynamo,
        prefixes: ["dynamo_component_"],
        markers: ["kvstats_gpu_cache_usage_percent", "kvstats_gpu_prefix_cache_hit_rate"],
        modelLabels: ["model", "model_name"],
        sources: [
            MetricSource("kvstats_gpu_cache_usage_percent", .kvCacheUsage, .gauge),
            MetricSource("kvstats_gpu_prefix_cache_hit_rate", .prefixHitRatio, .gauge),
        ],
        fillsOtherInstances: true)
}
