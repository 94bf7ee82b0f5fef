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
            MetricSource("requests_total", .failed, .counter,
                         filter: LabelFilter(label: "status", values: ["success"], negated: true)),
            MetricSource("time_to_first_token_seconds", .ttft, .histogram),
            MetricSource("inter_token_latency_seconds", .itl, .histogram),
            MetricSource("request_duration_seconds", .e2e, .histogram),
        ])
}
