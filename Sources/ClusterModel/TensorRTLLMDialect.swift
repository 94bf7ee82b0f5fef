/// TensorRT-LLM's own metrics as NVIDIA Dynamo re-exports them (prefix `trtllm_`, vLLM-like names and buckets).
extension EngineDialect {
    static let tensorrtllm = EngineDialect(
        engine: .tensorrtllm,
        prefixes: ["trtllm_"],
        markers: ["request_success_total", "time_to_first_token_seconds_bucket"],
        modelLabels: ["model_name", "model"],
        sources: [
            MetricSource("request_success_total", .requests, .counter),
            MetricSource("time_to_first_token_seconds", .ttft, .histogram),
            MetricSource("time_per_output_token_seconds", .itl, .histogram),
            MetricSource("e2e_request_latency_seconds", .e2e, .histogram),
            MetricSource("request_queue_time_seconds", .queueTime, .histogram),
        ] + MetricSource.outcomes("request_success_total"))
}
