import ClusterModel
import Exposition
import Ingest
import Pipeline
import Testing

/// What the configuration file says about targets reaches the cluster model.
@Suite struct ConfigurationWiringTests {
    @Test func targetsGiveTheModelTheirNodesAndPods() throws {
        let yaml = """
            targets:
              - url: http://10.1.2.3:8000/metrics
                pod: vllm-0
                namespace: serving
              - url: http://gpu-2:9400/metrics
                node: gpu-2
            nodes:
              "http://10.9.9.9:8000/metrics": gpu-9
            """
        let model = try ConfigurationLoader.parse(yaml, file: "c.yaml").modelConfiguration
        #expect(model.targetPods == ["http://10.1.2.3:8000/metrics": PodReference(namespace: "serving", name: "vllm-0")])
        #expect(model.targetNodes["http://gpu-2:9400/metrics"] == "gpu-2")
        #expect(model.targetNodes["http://10.9.9.9:8000/metrics"] == "gpu-9")
    }
}

/// A target's pod, carried by its scrapes (from the configuration or file_sd), joins the engine to the GPU whose
/// DCGM series name that pod — even though the engine's address (a pod IP) names no machine.
@Suite struct PodWiringTests {
    static let dcgm = """
        # TYPE DCGM_FI_DEV_FB_USED gauge
        DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-a",Hostname="node-a",modelName="NVIDIA L4",pod="vllm-0",namespace="serving"} 20000
        DCGM_FI_DEV_FB_USED{gpu="1",UUID="GPU-b",Hostname="node-a",modelName="NVIDIA L4",pod="other",namespace="serving"} 100
        """
    static let vllm = """
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{engine="0",model_name="m"} 3
        """

    @Test func aScrapesPodJoinsItsEngineToThatPodsGPU() throws {
        var pipeline = ClusterPipeline()
        let engine = "http://10.1.2.3:8000/metrics"
        pipeline.ingest(
            ScrapeResult(
                target: "http://node-a:9400/metrics", timeMs: 1000, durationSeconds: 0.01,
                page: ExpositionParser.parse(Self.dcgm)))
        var result = ScrapeResult(target: engine, timeMs: 1000, durationSeconds: 0.01, page: ExpositionParser.parse(Self.vllm))
        (result.pod, result.namespace) = ("vllm-0", "serving")
        pipeline.ingest(result)
        pipeline.frame()
        let instance = try #require(pipeline.latest.instances.first { $0.target == engine })
        let gpu = try #require(pipeline.latest.gpus.first { $0.uuid == "GPU-a" })
        #expect(instance.gpuIDs == [gpu.id])
        #expect(instance.node == "node-a")
    }
}
