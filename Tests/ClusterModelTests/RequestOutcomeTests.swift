import ClusterModel
import Exposition
import Testing

/// How requests finished (stop, length, abort, error), per second, from the real vLLM and TensorRT-LLM
/// pages with their `finished_reason` counters grown by a different amount each.
@Suite struct RequestOutcomeTests {
    static let steps = ["stop": 7.0, "length": 3.0, "abort": 2.0, "error": 1.0, "repetition": 5.0]

    static func grow(_ counter: String) -> (Sample) -> Double? {
        { sample in sample.name == counter ? sample.labels["finished_reason"].flatMap { steps[$0] } : nil }
    }

    static func check(_ run: FixtureSuccessor, counter: String, instance: EngineInstance) {
        func expected(_ reason: String) -> Double? {
            run.expectedRate { $0.name == counter && $0.labels["finished_reason"] == reason }
        }
        #expect(instance.stoppedPerSecond == expected("stop"))
        #expect(instance.lengthLimitedPerSecond == expected("length"))
        #expect(instance.abortedPerSecond == expected("abort"))
        #expect(instance.failedPerSecond == expected("error"))
        // Every finished request counts once in the request rate, whatever its reason.
        #expect(instance.requestsPerSecond == run.expectedRate { $0.name == counter })
    }

    @Test func vllmOutcomesAreRatesOfFinishedReason() throws {
        let run = try FixtureSuccessor("vllm-v1-kops-qwen2.5-0.5b.prom", grow: Self.grow("vllm:request_success_total"))
        let instance = try #require(run.snapshot.instances.first)
        #expect(instance.stoppedPerSecond.map { $0 > 0 } == true)
        Self.check(run, counter: "vllm:request_success_total", instance: instance)
    }

    @Test func tensorRTLLMOutcomesAreRatesOfFinishedReason() throws {
        let run = try FixtureSuccessor("trtllm-dynamo-qwen3-0.6b-excerpt.prom", grow: Self.grow("trtllm_request_success_total"))
        let instance = try #require(run.snapshot.instances.first { $0.engine == .tensorrtllm })
        // The page reports only `length`: the other reasons are absent, not 0.
        #expect(instance.lengthLimitedPerSecond.map { $0 > 0 } == true)
        #expect(instance.stoppedPerSecond == nil)
        Self.check(run, counter: "trtllm_request_success_total", instance: instance)
    }

    @Test func outcomesAppearInJSONAfterTheVersion1KeysAndInText() throws {
        let run = try FixtureSuccessor("vllm-v1-kops-qwen2.5-0.5b.prom", grow: Self.grow("vllm:request_success_total"))
        let json = SnapshotJSON.text(run.snapshot)
        let restarted = try #require(json.range(of: "\"restartedAtMs\""))
        let stopped = try #require(json.range(of: "\"stoppedPerSecond\""))
        let length = try #require(json.range(of: "\"lengthLimitedPerSecond\""))
        #expect(restarted.lowerBound < stopped.lowerBound && stopped.lowerBound < length.lowerBound)
        let text = SnapshotText.render(run.snapshot)
        #expect(text.contains("STOP/LEN/ABORT/ERR /s"))
        #expect(text.contains("3.50/1.50/1/0.50"))
    }
}
