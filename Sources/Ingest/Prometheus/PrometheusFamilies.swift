import Exposition

/// One metric family the cluster view reads, as stored in a Prometheus server: its name as a text-format
/// scrape names it (counters keep `_total`), its type, and the server (dialect) it comes from.
public struct PrometheusFamily: Sendable, Hashable {
    public var dialect: String
    public var name: String
    public var type: MetricType

    public init(_ dialect: String, _ name: String, _ type: MetricType) {
        self.dialect = dialect
        self.name = name
        self.type = type
    }

    /// The sample names Prometheus stores for this family (`x_bucket`, `x_sum`, `x_count` for a histogram).
    public var sampleNames: [String] {
        switch type {
        case .histogram: return [name + "_bucket", name + "_sum", name + "_count"]
        case .summary: return [name, name + "_sum", name + "_count"]
        default: return [name]
        }
    }
}

/// The families queried from a Prometheus-compatible server, per dialect (names from
/// `shared/reference/METRICS.md`; old and new names both, as servers rename them across versions).
/// Adding a row here is all it takes for a family to arrive through `--prometheus`.
public enum PrometheusFamilies {
    public static let all: [PrometheusFamily] = vllm + sglang + tgi + triton + llamacpp + dynamo + dcgm

    static let vllm: [PrometheusFamily] = gauges("vllm", [
        "vllm:num_requests_running", "vllm:num_requests_waiting", "vllm:kv_cache_usage_perc",
        "vllm:gpu_cache_usage_perc", "vllm:cache_config_info", "vllm:engine_sleep_state",
    ]) + counters("vllm", [
        "vllm:prompt_tokens_total", "vllm:generation_tokens_total", "vllm:num_preemptions_total",
        "vllm:request_success_total", "vllm:prefix_cache_queries_total", "vllm:prefix_cache_hits_total",
        "vllm:gpu_prefix_cache_queries_total", "vllm:gpu_prefix_cache_hits_total",
    ]) + histograms("vllm", [
        "vllm:time_to_first_token_seconds", "vllm:inter_token_latency_seconds", "vllm:time_per_output_token_seconds",
        "vllm:e2e_request_latency_seconds", "vllm:request_queue_time_seconds", "vllm:iteration_tokens_total",
    ])

    static let sglang: [PrometheusFamily] = gauges("sglang", [
        "sglang:num_running_reqs", "sglang:num_queue_reqs", "sglang:token_usage", "sglang:num_used_tokens",
        "sglang:max_total_num_tokens", "sglang:cache_hit_rate", "sglang:gen_throughput", "sglang:num_retracted_reqs",
    ]) + counters("sglang", [
        "sglang:prompt_tokens_total", "sglang:generation_tokens_total", "sglang:num_aborted_requests_total",
        "sglang:realtime_tokens_total", "sglang:num_requests_total",
    ]) + histograms("sglang", [
        "sglang:time_to_first_token_seconds", "sglang:inter_token_latency_seconds",
        "sglang:time_per_output_token_seconds", "sglang:e2e_request_latency_seconds", "sglang:queue_time_seconds",
    ])

    static let tgi: [PrometheusFamily] = gauges("tgi", [
        "tgi_queue_size", "tgi_batch_current_size", "tgi_batch_current_max_tokens", "tgi_batch_max_total_tokens",
    ]) + counters("tgi", ["tgi_request_count", "tgi_request_success", "tgi_request_failure"]) + histograms("tgi", [
        "tgi_request_duration", "tgi_request_queue_duration", "tgi_request_mean_time_per_token_duration",
        "tgi_request_generated_tokens", "tgi_batch_forward_duration",
    ])

    static let triton: [PrometheusFamily] = gauges("triton", [
        "nv_inference_pending_request_count", "nv_gpu_utilization", "nv_gpu_memory_total_bytes",
        "nv_gpu_memory_used_bytes", "nv_gpu_power_usage", "nv_trt_llm_request_metrics",
        "nv_trt_llm_kv_cache_block_metrics",
    ]) + counters("triton", [
        "nv_inference_request_success", "nv_inference_request_failure", "nv_inference_count",
        "nv_inference_exec_count", "nv_inference_request_duration_us", "nv_inference_queue_duration_us",
    ]) + histograms("triton", ["nv_inference_first_response_histogram_ms"])

    static let llamacpp: [PrometheusFamily] = gauges("llamacpp", [
        "llamacpp:requests_processing", "llamacpp:requests_deferred", "llamacpp:predicted_tokens_seconds",
        "llamacpp:prompt_tokens_seconds", "llamacpp:n_busy_slots_per_decode",
    ]) + counters("llamacpp", [
        "llamacpp:prompt_tokens_total", "llamacpp:tokens_predicted_total", "llamacpp:tokens_predicted_seconds_total",
    ])

    static let dynamo: [PrometheusFamily] = gauges("dynamo", [
        "dynamo_frontend_queued_requests", "dynamo_frontend_inflight_requests",
        "dynamo_component_kvstats_gpu_cache_usage_percent", "dynamo_component_inflight_requests",
    ]) + counters("dynamo", ["dynamo_frontend_output_tokens_total", "dynamo_frontend_requests_total"]) + histograms("dynamo", [
        "dynamo_frontend_time_to_first_token_seconds", "dynamo_frontend_inter_token_latency_seconds",
        "dynamo_frontend_request_duration_seconds",
    ])

    static let dcgm: [PrometheusFamily] = gauges("dcgm", [
        "DCGM_FI_DEV_FB_USED", "DCGM_FI_DEV_FB_FREE", "DCGM_FI_DEV_FB_RESERVED", "DCGM_FI_DEV_GPU_UTIL",
        "DCGM_FI_DEV_MEM_COPY_UTIL", "DCGM_FI_DEV_GPU_TEMP", "DCGM_FI_DEV_POWER_USAGE", "DCGM_FI_DEV_XID_ERRORS",
        "DCGM_FI_PROF_GR_ENGINE_ACTIVE", "DCGM_FI_DEV_SM_CLOCK",
    ]) + counters("dcgm", ["DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "DCGM_FI_DEV_PCIE_REPLAY_COUNTER"])

    private static func gauges(_ dialect: String, _ names: [String]) -> [PrometheusFamily] { rows(dialect, .gauge, names) }
    private static func counters(_ dialect: String, _ names: [String]) -> [PrometheusFamily] { rows(dialect, .counter, names) }
    private static func histograms(_ dialect: String, _ names: [String]) -> [PrometheusFamily] {
        rows(dialect, .histogram, names)
    }

    private static func rows(_ dialect: String, _ type: MetricType, _ names: [String]) -> [PrometheusFamily] {
        names.map { PrometheusFamily(dialect, $0, type) }
    }
}
