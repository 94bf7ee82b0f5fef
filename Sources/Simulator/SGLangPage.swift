import Exposition

/// The `/metrics` page of an SGLang server started with `--enable-metrics`: scheduler gauges labelled
/// `engine_type`, `model_name`, `moe_ep_rank`, `pp_rank`, `tp_rank`; tokenizer counters and histograms
/// labelled `model_name` only, with SGLang's own bucket boundaries (multiprocess mode: no `_created`).
enum SGLangPage {
    static func render(_ instance: EngineInstance) -> [UInt8] {
        let model = Label("model_name", instance.plan.model.name)
        let scheduler = instance.baseLabels
        let tokenizer = Labels([model])
        let metrics = instance.metrics
        let capacity = Double(instance.kvBlocks * EngineInstance.blockSize)
        var page = PageBuilder(capacity: 16_000)

        page.family("sglang:realtime_tokens_total", .counter,
                    "Total number of tokens processed (updated on each log interval).",
                    [("prefill_compute", metrics.promptTokensComputed), ("prefill_cache", metrics.promptTokensCacheHit),
                     ("decode", metrics.generationTokens)].map {
                        (scheduler.setting("mode", $0.0).sorted, $0.1)
                    })
        // The scheduler process id: any stable number that changes with each restart.
        let pid = String(1_000 + instance.processStartMs / 1_000 % 4_000_000)
        page.gauge("sglang:num_retracted_reqs", "The number of retracted requests.",
                   Labels(scheduler.pairs[0..<3] + [Label("pid", pid)] + scheduler.pairs[3...]), instance.tickPreemptions)
        page.gauge("sglang:num_running_reqs", "The number of running requests.", scheduler,
                   Double(instance.running.count))
        page.gauge("sglang:num_used_tokens", "The number of used tokens.", scheduler,
                   Double(instance.usedBlocks * EngineInstance.blockSize))
        page.gauge("sglang:token_usage", "The token usage.", scheduler, instance.kvUsage)
        page.gauge("sglang:gen_throughput", "The generation throughput (token/s).", scheduler,
                   (instance.generationThroughput * 100).rounded() / 100)
        page.gauge("sglang:num_queue_reqs", "The number of requests in the waiting queue.", scheduler,
                   Double(instance.waitingCount))
        page.gauge("sglang:cache_hit_rate", "The prefix cache hit rate.", scheduler, instance.cacheHitRate)
        page.gauge("sglang:max_total_num_tokens", "Maximum total number of tokens in the KV cache pool.", scheduler,
                   capacity)
        page.counter("sglang:prompt_tokens_total", "Number of prefill tokens processed.", tokenizer,
                     metrics.promptTokens)
        page.counter("sglang:generation_tokens_total", "Number of generation tokens processed.", tokenizer,
                     metrics.generationTokens)
        page.counter("sglang:cached_tokens_total", "Number of cached prompt tokens.", tokenizer,
                     metrics.promptTokensCacheHit)
        page.counter("sglang:num_requests_total", "Number of requests processed.", tokenizer,
                     metrics.requestsFinished)
        page.histogram("sglang:time_to_first_token_seconds", "Histogram of time to first token in seconds.",
                       instance.histogramLabels[metrics.timeToFirstToken], metrics.timeToFirstToken)
        page.histogram("sglang:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
                       instance.histogramLabels[metrics.interTokenLatency], metrics.interTokenLatency)
        page.histogram("sglang:e2e_request_latency_seconds", "Histogram of End-to-end request latency in seconds",
                       instance.histogramLabels[metrics.endToEnd], metrics.endToEnd)
        return page.finish()
    }
}
