import ClusterModel
import Exposition
import TestSupport
import Testing

/// Each real scrape maps to the values it states. Expected values are read from the page itself with the
/// parser (the raw sample), so the tests check the dialect mapping and the unit conversions.
@Suite struct RealScrapeTests {
    static func load(_ name: String) throws -> (snapshot: ClusterSnapshot, page: ExpositionPage, errors: [String]) {
        let bytes = try Fixtures.bytes(Fixtures.realScrape(name))
        let result = PageLoader().load([PageInput(target: name, origin: name, bytes: bytes)])
        return (result.snapshot, ExpositionParser.parse(bytes), result.errors)
    }

    /// The value of the only sample called `name` (optionally with `label` = `value`).
    static func raw(_ page: ExpositionPage, _ name: String, _ label: String? = nil, _ value: String? = nil) throws -> Double {
        try #require(page.samples.first { $0.name == name && (label == nil || $0.labels[label!] == value) }).value
    }

    static let mib = 1_048_576.0

    @Test(arguments: ["dcgm-exporter-kops-l4.prom", "dcgm-exporter-upcloud-l40s.prom", "dcgm-exporter-ericsson-t4-nohelp.prom"])
    func dcgmGivesVRAMUtilizationPowerAndNode(name: String) throws {
        let (snapshot, page, errors) = try Self.load(name)
        #expect(errors.isEmpty)
        let gpu = try #require(snapshot.gpus.first)
        #expect(snapshot.gpus.count == 1)
        let used = try Self.raw(page, "DCGM_FI_DEV_FB_USED")
        let free = try Self.raw(page, "DCGM_FI_DEV_FB_FREE")
        let reserved = try Self.raw(page, "DCGM_FI_DEV_FB_RESERVED")
        #expect(gpu.vramUsedBytes == used * Self.mib)
        #expect(gpu.vramFreeBytes == free * Self.mib)
        #expect(gpu.vramTotalBytes == (used + free + reserved) * Self.mib)
        #expect(gpu.utilization == (try Self.raw(page, "DCGM_FI_DEV_GPU_UTIL")) / 100)
        #expect(gpu.temperatureC == (try Self.raw(page, "DCGM_FI_DEV_GPU_TEMP")))
        #expect(gpu.powerWatts == (try Self.raw(page, "DCGM_FI_DEV_POWER_USAGE")))
        #expect(gpu.smClockMHz == (try Self.raw(page, "DCGM_FI_DEV_SM_CLOCK")))
        let sample = try #require(page.samples.first { $0.name == "DCGM_FI_DEV_FB_USED" })
        #expect(gpu.node == sample.labels.first(of: ["Hostname", "hostname"]))
        #expect(gpu.uuid == sample.labels.first(of: ["UUID", "uuid"]))
        #expect(gpu.modelName == sample.labels["modelName"])
        #expect(gpu.id == "\(gpu.node)/0")
        #expect(snapshot.byGPUType.first?.modelName == gpu.modelName)
    }

    @Test func theL4PageStatesItsOwnFigures() throws {
        // From METRICS.md: L4 22563 + 0 + 470 = 23033 MiB.
        let gpu = try #require(try Self.load("dcgm-exporter-kops-l4.prom").snapshot.gpus.first)
        #expect(gpu.vramTotalBytes == 23_033 * Self.mib)
        #expect(gpu.modelName == "NVIDIA L4")
    }

    @Test func vGPUPagesLeaveMissingFieldsAbsent() throws {
        let (snapshot, page, _) = try Self.load("dcgm-exporter-vks-a100-vgpu.prom")
        let gpu = try #require(snapshot.gpus.first)
        #expect(gpu.temperatureC == nil)
        #expect(gpu.powerWatts == nil)
        #expect(gpu.modelName == "GRID A100-40C")
        let total =
            try Self.raw(page, "DCGM_FI_DEV_FB_USED") + Self.raw(page, "DCGM_FI_DEV_FB_FREE")
            + Self.raw(page, "DCGM_FI_DEV_FB_RESERVED")
        #expect(gpu.vramTotalBytes == total * Self.mib)
        #expect(snapshot.totals.powerWatts == nil)  // absent, not 0
    }

    @Test func vllmGivesModelEngineQueueAndKV() throws {
        let (snapshot, page, errors) = try Self.load("vllm-v1-kops-qwen2.5-0.5b.prom")
        #expect(errors.isEmpty)
        let instance = try #require(snapshot.instances.first)
        #expect(snapshot.instances.count == 1)
        #expect(instance.engine == .vllm)
        #expect(instance.model == "Qwen/Qwen2.5-0.5B-Instruct")
        #expect(instance.running == (try Self.raw(page, "vllm:num_requests_running")))
        #expect(instance.waiting == (try Self.raw(page, "vllm:num_requests_waiting")))
        #expect(instance.kvCacheUsage == (try Self.raw(page, "vllm:kv_cache_usage_perc")))
        #expect(instance.state == .ready)
        // One page: no rate and no windowed quantile can be computed, so they are absent.
        #expect(instance.generationTokensPerSecond == nil)
        #expect(instance.ttft.isEmpty)
    }

    @Test func tgiGivesQueueAndBatch() throws {
        let (snapshot, page, _) = try Self.load("tgi-datadog-payload-excerpt.prom")
        let instance = try #require(snapshot.instances.first)
        #expect(instance.engine == .tgi)
        #expect(instance.waiting == (try Self.raw(page, "tgi_queue_size")))
        #expect(instance.running == (try Self.raw(page, "tgi_batch_current_size")))
    }

    @Test func sglangOldNamesGiveQueueBatchKVAndThroughput() throws {
        let (snapshot, page, _) = try Self.load("sglang-docs-llama31-8b.prom")
        let instance = try #require(snapshot.instances.first)
        #expect(instance.engine == .sglang)
        #expect(instance.model == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(instance.running == (try Self.raw(page, "sglang:num_running_reqs")))
        #expect(instance.waiting == (try Self.raw(page, "sglang:num_queue_reqs")))
        #expect(instance.kvCacheUsage == (try Self.raw(page, "sglang:token_usage")))
        #expect(instance.generationTokensPerSecond == (try Self.raw(page, "sglang:gen_throughput")))
    }

    @Test func sglangBehindDynamoReadsRankZero() throws {
        let (snapshot, page, _) = try Self.load("sglang-dynamo-qwen3-0.6b-excerpt.prom")
        let instance = try #require(snapshot.instances.first { $0.engine == .sglang })
        #expect(instance.model == "Qwen/Qwen3-0.6B")
        #expect(instance.running == (try Self.raw(page, "sglang:num_running_reqs", "tp_rank", "0")))
    }

    @Test func tritonGivesOneInstancePerModelAndItsGPUInBytes() throws {
        let (snapshot, page, _) = try Self.load("triton-datadog-fixture-excerpt.prom")
        let models = Set(page.samples.filter { $0.name == "nv_inference_request_success" }.compactMap { $0.labels["model"] })
        #expect(Set(snapshot.instances.compactMap(\.model)) == models)
        #expect(snapshot.instances.allSatisfy { $0.engine == .triton })
        let gpu = try #require(snapshot.gpus.first)
        #expect(gpu.vramUsedBytes == (try Self.raw(page, "nv_gpu_memory_used_bytes")))
        #expect(gpu.vramTotalBytes == (try Self.raw(page, "nv_gpu_memory_total_bytes")))
        #expect(gpu.uuid != nil)
        // The models run on the GPU their own page reports.
        #expect(snapshot.instances.allSatisfy { $0.gpuIDs == [gpu.id] })
    }

    @Test func tensorRTLLMBackendGivesKVFractionAndQueue() throws {
        let (snapshot, page, _) = try Self.load("triton-trtllm-backend-readme.prom")
        let instance = try #require(snapshot.instances.first)
        #expect(instance.engine == .tensorrtllm)
        #expect(
            instance.kvCacheUsage == (try Self.raw(page, "nv_trt_llm_kv_cache_block_metrics", "kv_cache_block_type", "fraction")))
        #expect(instance.waiting == (try Self.raw(page, "nv_trt_llm_request_metrics", "request_type", "waiting")))
        #expect(instance.running == (try Self.raw(page, "nv_trt_llm_request_metrics", "request_type", "active")))
    }

    @Test func dynamoFrontendAndTensorRTLLMThroughDynamo() throws {
        let frontend = try Self.load("dynamo-frontend-qwen3-0.6b.prom")
        let router = try #require(frontend.snapshot.instances.first)
        #expect(router.engine == .dynamo)
        #expect(router.waiting == (try Self.raw(frontend.page, "dynamo_frontend_queued_requests")))
        #expect(router.model == "qwen/qwen3-0.6b")
        let trtllm = try Self.load("trtllm-dynamo-qwen3-0.6b-excerpt.prom")
        #expect(trtllm.snapshot.instances.first?.engine == .tensorrtllm)
    }

    @Test(arguments: Fixtures.realScrapes.map(\.lastPathComponent))
    func everyRealScrapeGivesAPictureWithoutErrorsOrNaN(name: String) throws {
        let (snapshot, _, errors) = try Self.load(name)
        #expect(errors.isEmpty)
        #expect(!snapshot.gpus.isEmpty || snapshot.instances.contains { $0.engine != .unknown })
        let json = SnapshotJSON.text(snapshot)
        #expect(!json.contains(": NaN") && !json.contains(": inf") && !json.contains(": -inf"))
    }
}
