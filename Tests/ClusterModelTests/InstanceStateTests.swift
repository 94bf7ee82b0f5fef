import ClusterModel
import Exposition
import MetricStore
import Testing

/// Loading, ready, restarted and unreachable, as the pages and the scrapes show them.
@Suite struct InstanceStateTests {
    static func vllm(tokens: Double, running: Double = 1) -> String {
        """
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0",model_name="m"} \(running)
        # TYPE vllm:generation_tokens_total counter
        vllm:generation_tokens_total{engine="0",model_name="m"} \(tokens)
        vllm:generation_tokens_total{engine="1",model_name="m"} \(tokens)

        """
    }

    static func snapshot(_ store: MetricStore) -> ClusterSnapshot {
        var builder = ClusterBuilder(configuration: ModelConfiguration(rateWindowMs: 2_000))
        return builder.snapshot(from: store)
    }

    @Test func aCounterThatDropsMeansARestart() throws {
        var store = MetricStore()
        store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: 5_000)), atMs: 1_000)
        store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: 100)), atMs: 2_000)
        let instance = try #require(Self.snapshot(store).instances.first)
        #expect(instance.state == .restarted)
        #expect(instance.restartedAtMs == 2_000)
        #expect(instance.running == 1)
    }

    @Test func enginesAreSummed() throws {
        var store = MetricStore()
        store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: 1_000)), atMs: 1_000)
        store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: 1_100)), atMs: 2_000)
        let instance = try #require(Self.snapshot(store).instances.first)
        #expect(instance.state == .ready)
        #expect(instance.generationTokensPerSecond == 200)  // 100/s from each of two engines
    }

    @Test func aFailedScrapeMakesItUnreachableAndItsValuesAbsent() throws {
        var store = MetricStore()
        store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: 1_000)), atMs: 1_000)
        store.markFailed(target: "a", atMs: 2_000, error: "a: connection refused")
        let snapshot = Self.snapshot(store)
        let instance = try #require(snapshot.instances.first)
        #expect(instance.state == .unreachable)
        #expect(instance.running == nil)
        #expect(snapshot.targets.first?.up == false)
        #expect(snapshot.targets.first?.lastError == "a: connection refused")
        #expect(snapshot.totals.running == nil)
    }

    @Test func aServerWithoutServingMetricsIsLoading() throws {
        var store = MetricStore()
        store.ingest(
            target: "http://gpu-7:8000/metrics",
            page: ExpositionParser.parse("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total 3\n"),
            atMs: 1_000)
        store.markFailed(target: "http://gpu-8:8000/metrics", atMs: 1_000, error: "refused")
        let snapshot = Self.snapshot(store)
        let loading = try #require(snapshot.instances.first { $0.target.contains("gpu-7") })
        #expect(loading.state == .loading)
        #expect(loading.node == "gpu-7")
        #expect(snapshot.instances.first { $0.target.contains("gpu-8") }?.state == .unreachable)
    }

    /// A target whose scrape failed shows nothing as current: its rates are absent like its gauges (not the last
    /// ones computed), the totals are over the targets that answered, and a GPU count shown beside a VRAM total
    /// counts the GPUs that total is over.
    @Test func aTargetThatGoesDownDropsOutOfRatesAndTotalsAtOnce() throws {
        func dcgm(_ node: String) -> ExpositionPage {
            let labels = #"gpu="0",UUID="GPU-\#(node)",modelName="NVIDIA H100 80GB HBM3",Hostname="\#(node)""#
            return ExpositionParser.parse(
                """
                # TYPE DCGM_FI_DEV_FB_USED gauge
                DCGM_FI_DEV_FB_USED{\(labels)} 40000
                # TYPE DCGM_FI_DEV_FB_FREE gauge
                DCGM_FI_DEV_FB_FREE{\(labels)} 41559

                """)
        }
        var store = MetricStore()
        for (second, tokens) in [(1, 1_000.0), (2, 1_100)] {
            store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: tokens)), atMs: Int64(second) * 1_000)
            store.ingest(target: "b", page: ExpositionParser.parse(Self.vllm(tokens: tokens * 2)), atMs: Int64(second) * 1_000)
            store.ingest(target: "dcgm-a", page: dcgm("node-a"), atMs: Int64(second) * 1_000)
            store.ingest(target: "dcgm-b", page: dcgm("node-b"), atMs: Int64(second) * 1_000)
        }
        let before = Self.snapshot(store)
        #expect(before.totals.generationTokensPerSecond == 600)  // a: 2 × 100/s, b: 2 × 200/s
        #expect(before.totals.reportingGPUCount == 2)
        store.ingest(target: "a", page: ExpositionParser.parse(Self.vllm(tokens: 1_200)), atMs: 3_000)
        store.markFailed(target: "b", atMs: 3_000, error: "b: connection refused")
        store.ingest(target: "dcgm-a", page: dcgm("node-a"), atMs: 3_000)
        store.markFailed(target: "dcgm-b", atMs: 3_000, error: "dcgm-b: connection refused")
        let after = Self.snapshot(store)
        let down = try #require(after.instances.first { $0.target == "b" })
        #expect(down.state == .unreachable)
        #expect(down.generationTokensPerSecond == nil && down.running == nil)
        #expect(after.totals.generationTokensPerSecond == 200)
        #expect(after.totals.gpuCount == 2 && after.totals.reportingGPUCount == 1)
        #expect(after.totals.vramTotalBytes == before.totals.vramTotalBytes.map { $0 / 2 })
        #expect(SnapshotText.render(after).hasPrefix("CLUSTER  2 GPUs (1 stale: not in the totals)"))
    }

    @Test func differentBoundariesMergeAsAMixtureAndSaySo() throws {
        func page(_ bounds: [String], _ count: Double) -> ExpositionPage {
            var text = "# TYPE vllm:time_to_first_token_seconds histogram\n"
            for bound in bounds + ["+Inf"] {
                text += "vllm:time_to_first_token_seconds_bucket{engine=\"0\",le=\"\(bound)\",model_name=\"m\"} \(count)\n"
            }
            return ExpositionParser.parse(text)
        }
        var store = MetricStore()
        store.ingest(target: "a", page: page(["0.1", "1"], 0), atMs: 1_000)
        store.ingest(target: "b", page: page(["0.2", "2"], 0), atMs: 1_000)
        store.ingest(target: "a", page: page(["0.1", "1"], 10), atMs: 2_000)
        store.ingest(target: "b", page: page(["0.2", "2"], 10), atMs: 2_000)
        let snapshot = Self.snapshot(store)
        #expect(snapshot.instances.allSatisfy { $0.ttft.p50 != nil })
        // a's ten observations spread over 0–0.1 s, b's over 0–0.2 s: the mixture's median is where a's count
        // 10·x/0.1 and b's 10·x/0.2 add up to 10 (half of 20), x = 1/15 s.
        #expect(snapshot.totals.ttft.interpolated)
        #expect(abs((snapshot.totals.ttft.p50 ?? 0) - 1.0 / 15) < 1e-12)
        #expect(snapshot.notes.contains { $0.contains("cluster ttft") && $0.contains("2 different bucket boundary sets") })
    }
}
