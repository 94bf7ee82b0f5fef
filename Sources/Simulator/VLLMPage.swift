import Exposition

/// The `/metrics` page of a vLLM V1 OpenAI server: `vllm:` families with the `model_name` and `engine` labels,
/// HELP texts and default buckets of `vllm/v1/metrics/loggers.py`, plus `process_start_time_seconds`.
///
/// The `*_created` gauges prometheus_client adds are left out, as they are when vLLM runs several API
/// servers (multiprocess mode); the python and HTTP middleware families are left out too.
enum VLLMPage {
    /// Describes the page of `instance` into `page` (see `PageSink`): the same calls lay out its template and
    /// fill it, so whatever changes from scrape to scrape must be a value, never a name, help text or label.
    static func describe<Page: PageSink>(_ instance: EngineInstance, _ page: inout Page) {
        let model = Label("model_name", instance.plan.model.name)
        let engine = Label("engine", "0")
        let base = instance.baseLabels
        let metrics = instance.metrics

        page.gauge(
            "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
            Labels(), Double(instance.processStartMs) / 1000)
        page.gauge(
            "vllm:num_requests_running", "Number of requests in model execution batches.", base,
            Double(instance.running.count))
        page.gauge(
            "vllm:num_requests_waiting", "Number of requests waiting to be processed.", base,
            Double(instance.waitingCount))
        page.header(
            "vllm:engine_sleep_state", .gauge,
            "Engine sleep state; awake = 0 means engine is sleeping; awake = 1 means engine is awake; "
                + "weights_offloaded = 1 means sleep level 1; discard_all = 1 means sleep level 2.")
        for (state, value) in [("awake", 1.0), ("weights_offloaded", 0), ("discard_all", 0)] {
            page.sample("vllm:engine_sleep_state", Labels([engine, model, Label("sleep_state", state)]), value)
        }
        page.gauge(
            "vllm:kv_cache_usage_perc", "KV-cache usage. 1 means 100 percent usage.", base,
            instance.kvUsage)
        page.counter(
            "vllm:prefix_cache_queries_total",
            "Prefix cache queries, in terms of number of queried tokens.", base, metrics.prefixQueries)
        page.counter(
            "vllm:prefix_cache_hits_total", "Prefix cache hits, in terms of number of cached tokens.",
            base, metrics.prefixHits)
        page.counter(
            "vllm:num_preemptions_total", "Cumulative number of preemption from the engine.", base,
            metrics.preemptions)
        page.counter("vllm:prompt_tokens_total", "Number of prefill tokens processed.", base, metrics.promptTokens)
        page.header("vllm:prompt_tokens_by_source_total", .counter, "Number of prompt tokens by source.")
        for (source, value) in [
            ("local_compute", metrics.promptTokensComputed),
            ("local_cache_hit", metrics.promptTokensCacheHit), ("external_kv_transfer", 0),
        ] {
            page.sample("vllm:prompt_tokens_by_source_total", Labels([engine, model, Label("source", source)]), value)
        }
        page.counter(
            "vllm:prompt_tokens_cached_total", "Number of cached prompt tokens (local + external).", base,
            metrics.promptTokensCacheHit)
        page.counter(
            "vllm:generation_tokens_total", "Number of generation tokens processed.", base,
            metrics.generationTokens)
        page.header("vllm:request_success_total", .counter, "Count of successfully processed requests.")
        for (index, reason) in EngineMetrics.finishedReasons.enumerated() {
            page.sample(
                "vllm:request_success_total", Labels([engine, Label("finished_reason", reason), model]),
                metrics.finished[index])
        }
        histograms(metrics, engine: engine, model: model, &page)
        page.gauge(
            "vllm:cache_config_info", "Information of the LLMEngine CacheConfig",
            Labels([
                Label("block_size", String(EngineInstance.blockSize)), Label("cache_dtype", "auto"),
                Label("enable_prefix_caching", "True"), engine,
                Label("gpu_memory_utilization", String(instance.plan.gpuMemoryUtilization)),
                Label("num_gpu_blocks", String(instance.kvBlocks)),
            ]), 1)
    }

    private static func histograms<Page: PageSink>(
        _ metrics: EngineMetrics, engine: Label, model: Label,
        _ page: inout Page
    ) {
        func histogram(_ name: String, _ help: String, _ histogram: BucketHistogram) {
            page.histogram(name, help, before: [engine], after: [model], histogram)
        }
        histogram("vllm:request_prompt_tokens", "Number of prefill tokens processed.", metrics.requestPromptTokens)
        histogram(
            "vllm:request_generation_tokens", "Number of generation tokens processed.",
            metrics.requestGenerationTokens)
        histogram(
            "vllm:iteration_tokens_total", "Histogram of number of tokens per engine_step.",
            metrics.iterationTokens)
        histogram(
            "vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.",
            metrics.timeToFirstToken)
        histogram(
            "vllm:inter_token_latency_seconds", "Histogram of inter-token latency in seconds.",
            metrics.interTokenLatency)
        histogram(
            "vllm:request_time_per_output_token_seconds",
            "Histogram of time_per_output_token_seconds per request.", metrics.timePerOutputToken)
        histogram(
            "vllm:e2e_request_latency_seconds", "Histogram of e2e request latency in seconds.",
            metrics.endToEnd)
        histogram(
            "vllm:request_queue_time_seconds", "Histogram of time spent in WAITING phase for request.",
            metrics.queueTime)
        histogram(
            "vllm:request_inference_time_seconds", "Histogram of time spent in RUNNING phase for request.",
            metrics.inferenceTime)
        histogram(
            "vllm:request_prefill_time_seconds", "Histogram of time spent in PREFILL phase for request.",
            metrics.prefillTime)
        histogram(
            "vllm:request_decode_time_seconds", "Histogram of time spent in DECODE phase for request.",
            metrics.decodeTime)
    }
}
