/// Hugging Face TGI (metrics-exporter-prometheus: counters without `_total`, histograms without buckets
/// rendered as summaries). TGI has no TTFT histogram; generated tokens are counted when requests finish.
extension EngineDialect {
    static let tgi = EngineDialect(
        engine: .tgi,
        prefixes: ["tgi_"],
        markers: ["queue_size", "batch_current_size", "request_count"],
        modelLabels: ["model_name", "model"],
        sources: [
            MetricSource("batch_current_size", .running, .gauge),
            MetricSource("queue_size", .waiting, .gauge),
            MetricSource("request_generated_tokens_sum", .generationTokens, .counter),
            MetricSource("request_input_length_sum", .promptTokens, .counter),
            MetricSource("request_count", .requests, .counter),
            MetricSource("request_failure", .failed, .counter),
            MetricSource("request_mean_time_per_token_duration", .itl, .histogram),
            MetricSource("request_mean_time_per_token_duration", .itl, .summary),
            MetricSource("request_duration", .e2e, .histogram),
            MetricSource("request_duration", .e2e, .summary),
            MetricSource("request_queue_duration", .queueTime, .histogram),
            MetricSource("request_queue_duration", .queueTime, .summary),
        ])
}
