/// llama.cpp's `llama-server --metrics`: unlabelled series, one instance per target. It has no latency
/// histograms and no KV-cache gauge any more (removed upstream), so those stay absent; its mean inter-token
/// latency is the time spent predicting over the tokens predicted.
extension EngineDialect {
    static let llamacpp = EngineDialect(
        engine: .llamacpp,
        prefixes: ["llamacpp:"],
        markers: ["requests_processing", "tokens_predicted_total", "prompt_tokens_total"],
        modelLabels: ["model", "model_name"],
        sources: [
            MetricSource("requests_processing", .running, .gauge),
            MetricSource("requests_deferred", .waiting, .gauge),
            MetricSource("tokens_predicted_total", .generationTokens, .counter),
            MetricSource("predicted_tokens_seconds", .generationThroughput, .gauge),
            MetricSource("prompt_tokens_total", .promptTokens, .counter),
            MetricSource("prompt_tokens_seconds", .promptThroughput, .gauge),
            MetricSource("tokens_predicted_seconds_total", .itlTime, .counter),
            MetricSource("tokens_predicted_total", .itlCount, .counter),
        ])
}
