import Exposition

/// The `/metrics` page of an SGLang server started with `--enable-metrics`: scheduler gauges labelled
/// `engine_type`, `model_name`, `moe_ep_rank`, `pp_rank`, `tp_rank`; tokenizer counters and histograms
/// labelled `model_name` only, with SGLang's own bucket boundaries (multiprocess mode: no `_created`).
enum SGLangPage {
    /// Describes the page of `instance` into `page` (see `PageSink`). The scheduler's pid is a label, so the
    /// template changes with each restart.
    static func describe<Page: PageSink>(_ instance: EngineInstance, _ page: inout Page) {
        let model = Label("model_name", instance.plan.model.name)
        let scheduler = instance.baseLabels
        let metrics = instance.metrics

        page.header(
            "sglang:realtime_tokens_total", .counter,
            "Total number of tokens processed (updated on each log interval).")
        for (mode, value) in [
            ("prefill_compute", metrics.promptTokensComputed),
            ("prefill_cache", metrics.promptTokensCacheHit), ("decode", metrics.generationTokens),
        ] {
            page.sample("sglang:realtime_tokens_total", scheduler.setting("mode", mode).sorted, value)
        }
        page.gauge(
            "sglang:num_retracted_reqs", "The number of retracted requests.",
            Labels(scheduler.pairs[0..<3] + [Label("pid", pid(instance))] + scheduler.pairs[3...]),
            instance.tickPreemptions)
        page.gauge(
            "sglang:num_running_reqs", "The number of running requests.", scheduler,
            Double(instance.running.count))
        page.gauge(
            "sglang:num_used_tokens", "The number of used tokens.", scheduler,
            Double(instance.usedBlocks * EngineInstance.blockSize))
        page.gauge("sglang:token_usage", "The token usage.", scheduler, instance.kvUsage)
        page.gauge(
            "sglang:gen_throughput", "The generation throughput (token/s).", scheduler,
            (instance.generationThroughput * 100).rounded() / 100)
        page.gauge(
            "sglang:num_queue_reqs", "The number of requests in the waiting queue.", scheduler,
            Double(instance.waitingCount))
        page.gauge("sglang:cache_hit_rate", "The prefix cache hit rate.", scheduler, instance.cacheHitRate)
        page.gauge(
            "sglang:max_total_num_tokens", "Maximum total number of tokens in the KV cache pool.", scheduler,
            Double(instance.kvBlocks * EngineInstance.blockSize))
        page.counter(
            "sglang:prompt_tokens_total", "Number of prefill tokens processed.", Labels([model]),
            metrics.promptTokens)
        page.counter(
            "sglang:generation_tokens_total", "Number of generation tokens processed.", Labels([model]),
            metrics.generationTokens)
        page.counter(
            "sglang:cached_tokens_total", "Number of cached prompt tokens.", Labels([model]),
            metrics.promptTokensCacheHit)
        page.counter(
            "sglang:num_requests_total", "Number of requests processed.", Labels([model]),
            metrics.requestsFinished)
        page.histogram(
            "sglang:time_to_first_token_seconds", "Histogram of time to first token in seconds.",
            before: [], after: [model], metrics.timeToFirstToken)
        page.histogram(
            "sglang:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
            before: [], after: [model], metrics.interTokenLatency)
        page.histogram(
            "sglang:e2e_request_latency_seconds", "Histogram of End-to-end request latency in seconds",
            before: [], after: [model], metrics.endToEnd)
    }

    /// The scheduler process id: any stable number that changes with each restart.
    private static func pid(_ instance: EngineInstance) -> String {
        String(1_000 + instance.processStartMs / 1_000 % 4_000_000)
    }
}
