import ClusterModel
import Exposition
import MetricStore
import Testing

/// A `ClusterBuilder` keeps its plans and frame layout (joins, groupings) between frames; whatever changes
/// between them — a target failing, a page with errors, a new target, the configuration — a reused builder
/// must give exactly the picture a fresh one gives.
@Suite struct BuilderReuseTests {
    static func vllm(_ tokens: Double) -> String {
        """
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0",model_name="m"} 2
        # TYPE vllm:generation_tokens_total counter
        vllm:generation_tokens_total{engine="0",model_name="m"} \(tokens)
        # TYPE vllm:time_to_first_token_seconds histogram
        vllm:time_to_first_token_seconds_bucket{engine="0",model_name="m",le="0.1"} \(tokens / 4)
        vllm:time_to_first_token_seconds_bucket{engine="0",model_name="m",le="1.0"} \(tokens / 2)
        vllm:time_to_first_token_seconds_bucket{engine="0",model_name="m",le="+Inf"} \(tokens)

        """
    }

    static func dcgm(_ host: String) -> String {
        (0..<2).map { gpu in
            """
            DCGM_FI_DEV_FB_USED{gpu="\(gpu)",UUID="GPU-\(host)-\(gpu)",Hostname="\(host)",modelName="NVIDIA L4"} 1000
            DCGM_FI_DEV_FB_FREE{gpu="\(gpu)",UUID="GPU-\(host)-\(gpu)",Hostname="\(host)",modelName="NVIDIA L4"} 3000

            """
        }.joined()
    }

    static let a = "http://node-a:8000/metrics"
    static let b = "http://node-b:8000/metrics"
    static let gpus = "http://node-a:9400/metrics"
    static let idle = "http://node-c:8000/metrics"

    @Test func aReusedBuilderGivesWhatAFreshOneGives() throws {
        var store = MetricStore()
        var reused = ClusterBuilder(configuration: ModelConfiguration(rateWindowMs: 2_500))
        var frames = 0
        func check(_ step: String) {
            var fresh = ClusterBuilder(configuration: reused.configuration)
            let expected = fresh.snapshot(from: store)
            let got = reused.snapshot(from: store)
            #expect(got == expected, "\(step)")
            frames += 1
        }
        func ingest(_ target: String, _ text: String, at second: Int64) {
            store.ingest(target: target, page: ExpositionParser.parse(text), atMs: second * 1_000)
        }
        for second in Int64(1)...2 {
            ingest(Self.a, Self.vllm(Double(100 * second)), at: second)
            ingest(Self.gpus, Self.dcgm("node-a"), at: second)
            ingest(Self.idle, "process_cpu_seconds_total 1\n", at: second)
            check("steady, second \(second)")
        }
        let steady = reused.snapshot(from: store)
        #expect(steady.instances.map(\.state) == [.ready, .loading])
        #expect(steady.instances.first?.gpuIDs == ["node-a/0", "node-a/1"])
        #expect(steady.gpus.allSatisfy { $0.instanceIDs == [steady.instances[0].id] })

        ingest(Self.idle, "process_cpu_seconds_total{ 1\n", at: 3)  // a page with errors hides the placeholder
        check("placeholder hidden")
        store.markFailed(target: Self.a, atMs: 3_500, error: "refused")
        check("engine unreachable")
        ingest(Self.b, Self.vllm(50), at: 4)
        check("new target")
        ingest(Self.b, Self.vllm(90), at: 5)
        reused.configuration.targetNodes = [Self.b: "node-a"]
        check("configuration changed")
        let moved = reused.snapshot(from: store)
        #expect(moved.gpus.allSatisfy { $0.instanceIDs.count == 2 })
        #expect(frames == 6)
    }
}
