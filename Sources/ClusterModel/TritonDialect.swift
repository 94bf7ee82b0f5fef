/// NVIDIA Triton Inference Server, one instance per served model (versions summed), and its TensorRT-LLM
/// backend (`nv_trt_llm_*`, whose models are shown as TensorRT-LLM instances). Triton's latency counters
/// are cumulative microseconds (not quantiles); its TTFT histogram, when enabled, is in milliseconds.
extension EngineDialect {
    static let triton = EngineDialect(
        engine: .triton,
        prefixes: ["nv_"],
        markers: ["inference_request_success", "inference_pending_request_count", "trt_llm_request_metrics"],
        instanceLabels: ["instance"],
        modelLabels: ["model"],
        sources: [
            MetricSource(
                "trt_llm_request_metrics", .running, .gauge,
                filter: LabelFilter(label: "request_type", values: ["active"]), engine: .tensorrtllm),
            MetricSource(
                "trt_llm_request_metrics", .waiting, .gauge,
                filter: LabelFilter(label: "request_type", values: ["waiting"]), engine: .tensorrtllm),
            MetricSource("inference_pending_request_count", .waiting, .gauge),
            MetricSource(
                "trt_llm_kv_cache_block_metrics", .kvCacheUsage, .gauge,
                filter: LabelFilter(label: "kv_cache_block_type", values: ["fraction"]), engine: .tensorrtllm),
            MetricSource("inference_request_success", .requests, .counter),
            MetricSource("inference_request_failure", .failed, .counter),
            MetricSource("inference_first_response_histogram_ms", .ttft, .histogram, scale: 0.001),
            MetricSource("inference_request_summary_us", .e2e, .summary, scale: 1e-6),
            MetricSource("inference_queue_summary_us", .queueTime, .summary, scale: 1e-6),
            // Mean request and queue time per successful request (METRICS.md: Δduration / Δsuccess).
            MetricSource("inference_request_duration_us", .e2eTime, .counter, scale: 1e-6),
            MetricSource("inference_request_success", .e2eCount, .counter),
            MetricSource("inference_queue_duration_us", .queueTimeTotal, .counter, scale: 1e-6),
            MetricSource("inference_request_success", .queueCount, .counter),
        ])
}

extension GPUDialect {
    /// Triton's own GPU gauges (bytes, 0–1, watts), keyed by `gpu_uuid`.
    static let tritonGPU = GPUDialect(
        name: "triton",
        nodeLabels: [],
        uuidLabels: ["gpu_uuid"],
        indexLabels: [],
        modelLabels: [],
        sources: [
            GPUSource("nv_gpu_memory_used_bytes", .vramUsed),
            GPUSource("nv_gpu_memory_total_bytes", .vramTotal),
            GPUSource("nv_gpu_utilization", .utilization),
            GPUSource("nv_gpu_power_usage", .power),
            GPUSource("nv_gpu_power_limit", .powerLimit),
        ])
}
