/// llama.cpp's `llama-server --metrics`: unlabelled series, one instance per target (its model name comes from a
/// side request, `/v1/models`). It has no latency histograms and no KV-cache gauge any more (removed upstream).
///
/// Its token counters move only when a request ends, so a window with no finished request shows no tokens
/// although four streams are generating. The generation rate is read from what moves with every decode:
/// `n_decode_total` × `n_busy_slots_per_decode` (a lifetime mean, so the product counts the tokens decoded).
/// `predicted_tokens_seconds` and `prompt_tokens_seconds` are the speeds of single slots, reset at every
/// scrape: they are never shown as the server's throughput. The first is what makes the mean time per output
/// token right: a request of n tokens spends its generation time on n − 1 decode steps (the first token comes
/// with the prompt), and the counters divide that time by n; the gauge counts the steps.
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
            MetricSource("prompt_tokens_total", .promptTokens, .counter),
            MetricSource("tokens_predicted_seconds_total", .itlTime, .counter),
            MetricSource("tokens_predicted_total", .itlCount, .counter),
            MetricSource("predicted_tokens_seconds", .generationStepsPerSecond, .gauge),
            MetricSource("n_decode_total", .decodeCalls, .counter),
            MetricSource("n_busy_slots_per_decode", .busySlotsPerDecode, .gauge),
            MetricSource("prompt_seconds_total", .promptTime, .counter),
            MetricSource("prompt_tokens_cached_total", .cachedPromptTokens, .counter),
            // Typed counter upstream, but a high-water mark: read as it is.
            MetricSource("n_tokens_max", .maxSequenceTokens, .gauge),
            MetricSource("spec_decode_num_draft_tokens_total", .draftTokens, .counter),
            MetricSource("spec_decode_num_accepted_tokens_total", .acceptedTokens, .counter),
        ])
}
