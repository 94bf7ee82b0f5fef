import ClusterModel
import Exposition
import TestSupport
import Testing

/// Fields a server gives without a histogram: Triton's mean request and queue time (cumulative
/// microseconds over successful requests), llama.cpp's mean inter-token time (seconds spent predicting
/// over tokens predicted), and a Dynamo worker's KV statistics filling in its backend's KV use.
@Suite struct DialectFieldTests {
    @Test func tritonMeansAreDurationRatesOverSuccessRates() throws {
        // densenet_onnx served 4 more requests in the second; the others none.
        let run = try FixtureSuccessor("triton-datadog-fixture-excerpt.prom") { sample in
            guard sample.labels["model"] == "densenet_onnx" else { return nil }
            switch sample.name {
            case "nv_inference_request_success": return 4
            case "nv_inference_request_duration_us": return 1_800_000
            case "nv_inference_queue_duration_us": return 240
            default: return nil
            }
        }
        func rate(_ name: String, _ model: String) -> Double? {
            run.expectedRate { $0.name == name && $0.labels["model"] == model }
        }
        let densenet = try #require(run.snapshot.instances.first { $0.model == "densenet_onnx" })
        let success = try #require(rate("nv_inference_request_success", "densenet_onnx"))
        let e2e = try #require(rate("nv_inference_request_duration_us", "densenet_onnx")) * 1e-6 / success
        let queue = try #require(rate("nv_inference_queue_duration_us", "densenet_onnx")) * 1e-6 / success
        #expect(abs(try #require(densenet.e2eMean) - e2e) <= 1e-12)
        #expect(abs(try #require(densenet.queueTimeMean) - queue) <= 1e-12)
        #expect(densenet.itlMean == nil)
        // No request finished: no mean (never 0 s, never NaN).
        let idle = try #require(run.snapshot.instances.first { $0.model == "simple" })
        #expect(idle.e2eMean == nil && idle.queueTimeMean == nil)
    }

    /// A llama.cpp page as `server_task_result_metrics::to_metrics()` writes it (names, HELP and TYPE from
    /// METRICS.md §5; no real llama.cpp scrape is among the fixtures).
    static let llamacpp = """
        # HELP llamacpp:prompt_tokens_total Number of prompt tokens processed.
        # TYPE llamacpp:prompt_tokens_total counter
        llamacpp:prompt_tokens_total 2048
        # HELP llamacpp:prompt_seconds_total Prompt process time
        # TYPE llamacpp:prompt_seconds_total counter
        llamacpp:prompt_seconds_total 1.5
        # HELP llamacpp:tokens_predicted_total Number of generation tokens processed.
        # TYPE llamacpp:tokens_predicted_total counter
        llamacpp:tokens_predicted_total 9000
        # HELP llamacpp:tokens_predicted_seconds_total Predict process time
        # TYPE llamacpp:tokens_predicted_seconds_total counter
        llamacpp:tokens_predicted_seconds_total 180
        # HELP llamacpp:requests_processing Number of requests processing.
        # TYPE llamacpp:requests_processing gauge
        llamacpp:requests_processing 2
        # HELP llamacpp:requests_deferred Number of requests deferred.
        # TYPE llamacpp:requests_deferred gauge
        llamacpp:requests_deferred 0

        """

    @Test func llamaCppInterTokenLatencyIsPredictTimeOverTokens() throws {
        // 50 tokens in 1.25 s of predicting: 25 ms per token.
        let run = try FixtureSuccessor(bytes: Array(Self.llamacpp.utf8), origin: "llamacpp") { sample in
            switch sample.name {
            case "llamacpp:tokens_predicted_total": return 50
            case "llamacpp:tokens_predicted_seconds_total": return 1.25
            default: return nil
            }
        }
        let instance = try #require(run.snapshot.instances.first)
        #expect(instance.engine == .llamacpp)
        let seconds = try #require(run.expectedRate { $0.name == "llamacpp:tokens_predicted_seconds_total" })
        let tokens = try #require(run.expectedRate { $0.name == "llamacpp:tokens_predicted_total" })
        #expect(abs(try #require(instance.itlMean) - seconds / tokens) <= 1e-12)
        #expect(abs(try #require(instance.itlMean) - 0.025) <= 1e-9)  // both counters far from zero: Δs / Δtokens
        #expect(instance.itl.isEmpty)  // a mean is not a quantile
    }

    /// The `dynamo_component_kvstats_*` block of a real Dynamo worker scrape: lines 4–15 of
    /// `ai-dynamo/dynamo:docs/observability/metrics_examples/sglang.log` at a7b23c000e38497cc7442a98843b70a70a0f0ab6
    /// (the part the fixture `sglang-dynamo-qwen3-0.6b-excerpt.prom` left out).
    static let kvstats = """
        # HELP dynamo_component_kvstats_active_blocks Number of active KV cache blocks currently in use
        # TYPE dynamo_component_kvstats_active_blocks gauge
        dynamo_component_kvstats_active_blocks{dynamo_component="backend",dynamo_namespace="dynamo"} 0
        # HELP dynamo_component_kvstats_gpu_cache_usage_percent GPU cache usage as a percentage (0.0-1.0)
        # TYPE dynamo_component_kvstats_gpu_cache_usage_percent gauge
        dynamo_component_kvstats_gpu_cache_usage_percent{dynamo_component="backend",dynamo_namespace="dynamo"} 0
        # HELP dynamo_component_kvstats_gpu_prefix_cache_hit_rate GPU prefix cache hit rate as a percentage (0.0-1.0)
        # TYPE dynamo_component_kvstats_gpu_prefix_cache_hit_rate gauge
        dynamo_component_kvstats_gpu_prefix_cache_hit_rate{dynamo_component="backend",dynamo_namespace="dynamo"} 0
        # HELP dynamo_component_kvstats_total_blocks Total number of KV cache blocks available
        # TYPE dynamo_component_kvstats_total_blocks gauge
        dynamo_component_kvstats_total_blocks{dynamo_component="backend",dynamo_namespace="dynamo"} 0

        """

    static func withKVStats(_ fixture: String) throws -> FixtureSuccessor {
        let page = Array(kvstats.utf8) + (try Fixtures.bytes(Fixtures.realScrape(fixture)))
        return try FixtureSuccessor(bytes: page, origin: fixture) { sample in
            switch sample.name {
            case "dynamo_component_kvstats_gpu_cache_usage_percent": return 0.37
            case "dynamo_component_kvstats_gpu_prefix_cache_hit_rate": return 0.6
            default: return nil
            }
        }
    }

    @Test func dynamoKVStatsFillInATensorRTLLMWorker() throws {
        let run = try Self.withKVStats("trtllm-dynamo-qwen3-0.6b-excerpt.prom")
        #expect(run.snapshot.instances.count == 1)  // the worker's statistics are not a second server
        let worker = try #require(run.snapshot.instances.first)
        #expect(worker.engine == .tensorrtllm)
        #expect(worker.kvCacheUsage == 0.37)
        #expect(worker.prefixCacheHitRate == 0.6)
    }

    @Test func aBackendsOwnKVGaugeWinsOverDynamoKVStats() throws {
        let run = try Self.withKVStats("sglang-dynamo-qwen3-0.6b-excerpt.prom")
        let worker = try #require(run.snapshot.instances.first { $0.engine == .sglang })
        #expect(run.snapshot.instances.allSatisfy { $0.engine == .sglang })
        let own = try #require(run.second.samples.first { $0.name == "sglang:token_usage" && $0.labels["tp_rank"] == "0" })
        #expect(worker.kvCacheUsage == own.value)
    }

    @Test func dynamoKVStatsAloneAreAnInstance() throws {
        let run = try FixtureSuccessor(bytes: Array(Self.kvstats.utf8), origin: "kvstats") { sample in
            sample.name == "dynamo_component_kvstats_gpu_cache_usage_percent" ? 0.5 : nil
        }
        let router = try #require(run.snapshot.instances.first)
        #expect(router.engine == .dynamo)
        #expect(router.kvCacheUsage == 0.5)
    }

    /// A NIM for LLMs page: vLLM's names without prefix (METRICS.md §7, from NVIDIA's observability docs; no
    /// real NIM scrape is among the fixtures).
    static let nim = """
        # TYPE num_requests_running gauge
        num_requests_running{model_name="meta/llama-3.1-8b-instruct"} 3
        # TYPE num_requests_waiting gauge
        num_requests_waiting{model_name="meta/llama-3.1-8b-instruct"} 1
        # TYPE gpu_cache_usage_perc gauge
        gpu_cache_usage_perc{model_name="meta/llama-3.1-8b-instruct"} 0.42
        # TYPE generation_tokens_total counter
        generation_tokens_total{model_name="meta/llama-3.1-8b-instruct"} 10000
        # TYPE request_finish_total counter
        request_finish_total{model_name="meta/llama-3.1-8b-instruct"} 500

        """

    @Test func nimIsReadAsVLLMWithoutPrefix() throws {
        let run = try FixtureSuccessor(bytes: Array(Self.nim.utf8), origin: "nim") { sample in
            sample.name == "request_finish_total" ? 6 : sample.name == "generation_tokens_total" ? 800 : nil
        }
        let instance = try #require(run.snapshot.instances.first)
        #expect(run.snapshot.instances.count == 1)
        #expect(instance.engine == .vllm)
        #expect(instance.model == "meta/llama-3.1-8b-instruct")
        #expect(instance.running == 3 && instance.waiting == 1 && instance.kvCacheUsage == 0.42)
        #expect(instance.requestsPerSecond == run.expectedRate { $0.name == "request_finish_total" })
        #expect(instance.generationTokensPerSecond == run.expectedRate { $0.name == "generation_tokens_total" })
    }
}
