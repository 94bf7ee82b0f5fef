import ClusterModel
import Exposition
import MetricStore
import Testing

/// Two pages of one cluster, a second apart: rates, quantiles from bucket deltas, merged quantiles, and
/// the join of engines to the GPUs of their node. Expected values are computed here from the parsed
/// pages directly (deltas over the second), independently of the store.
@Suite struct SuccessivePagesTests {
    struct Pair {
        var before: ExpositionPage
        var after: ExpositionPage
        var snapshot: ClusterSnapshot
    }

    static func pair() throws -> Pair {
        let first = try GeneratedPages.page(tick: 1)
        let second = try GeneratedPages.page(tick: 2)
        let result = PageLoader(intervalMs: 1_000, startMs: 1_000_000).load([
            PageInput(target: "cluster", origin: "tick1", bytes: first),
            PageInput(target: "cluster", origin: "tick2", bytes: second),
        ])
        #expect(result.errors.isEmpty)
        return Pair(before: ExpositionParser.parse(first), after: ExpositionParser.parse(second), snapshot: result.snapshot)
    }

    static func delta(_ pair: Pair, _ name: String, instance: String, le: String? = nil) -> Double? {
        func value(_ page: ExpositionPage) -> Double? {
            page.samples.first { $0.name == name && $0.labels["instance"] == instance && $0.labels["le"] == le }?.value
        }
        guard let a = value(pair.before), let b = value(pair.after) else { return nil }
        return b - a
    }

    static func bucketDeltas(_ pair: Pair, _ family: String, instances: [String]) -> [HistogramBucket] {
        var byBound: [Double: Double] = [:]
        for instance in instances {
            for sample in pair.after.samples where sample.name == family + "_bucket" && sample.labels["instance"] == instance {
                let le = sample.labels["le"]!
                byBound[HistogramBucket.parseBound(le)!, default: 0] +=
                    delta(pair, family + "_bucket", instance: instance, le: le) ?? 0
            }
        }
        return byBound.map { HistogramBucket(upperBound: $0.key, count: $0.value) }
    }

    @Test func ratesAreTheDeltasOverTheSecond() throws {
        let pair = try Self.pair()
        #expect(pair.snapshot.instances.count == 4)
        for instance in pair.snapshot.instances {
            let label = try #require(instance.id.split(separator: "|").dropFirst().first.map(String.init))
            let generated = try #require(Self.delta(pair, "vllm:generation_tokens_total", instance: label))
            let prompt = try #require(Self.delta(pair, "vllm:prompt_tokens_total", instance: label))
            #expect(abs((instance.generationTokensPerSecond ?? -1) - generated) <= 1e-9 * max(1, generated))
            #expect(abs((instance.promptTokensPerSecond ?? -1) - prompt) <= 1e-9 * max(1, prompt))
            #expect(instance.state == .ready)
        }
    }

    @Test func quantilesComeFromBucketDeltas() throws {
        let pair = try Self.pair()
        for instance in pair.snapshot.instances {
            let label = String(instance.id.split(separator: "|")[1])
            let buckets = Self.bucketDeltas(pair, "vllm:time_to_first_token_seconds", instances: [label])
            let expected = HistogramQuantile.quantile(0.95, buckets)
            #expect(instance.ttft.p95 == expected || abs((instance.ttft.p95 ?? .nan) - (expected ?? .nan)) < 1e-9)
        }
    }

    @Test func clusterQuantilesMergeBucketsNotQuantiles() throws {
        let pair = try Self.pair()
        let labels = pair.snapshot.instances.map { String($0.id.split(separator: "|")[1]) }
        let buckets = Self.bucketDeltas(pair, "vllm:time_to_first_token_seconds", instances: labels)
        let expected = try #require(HistogramQuantile.quantile(0.5, buckets))
        let merged = try #require(pair.snapshot.totals.ttft.p50)
        #expect(abs(merged - expected) < 1e-9)
        let mean = pair.snapshot.instances.compactMap(\.ttft.p50).reduce(0, +) / Double(pair.snapshot.instances.count)
        #expect(merged != mean)
    }

    @Test func enginesAreJoinedToTheGPUsOfTheirNode() throws {
        let pair = try Self.pair()
        #expect(pair.snapshot.gpus.count == 8)
        #expect(pair.snapshot.nodes.map(\.name) == ["gpu-node-0001", "gpu-node-0002"])
        for instance in pair.snapshot.instances {
            let node = try #require(instance.node)
            #expect(instance.gpuIDs == pair.snapshot.gpus.filter { $0.node == node }.map(\.id))
        }
        let types = pair.snapshot.byGPUType
        #expect(types.reduce(0) { $0 + $1.count } == 8)
        #expect(types.allSatisfy { $0.generationTokensPerSecondPerGPU != nil })
        let total = try #require(pair.snapshot.totals.generationTokensPerSecond)
        let perGPU = types.reduce(0.0) { $0 + ($1.generationTokensPerSecondPerGPU ?? 0) * Double($1.count) }
        #expect(abs(total - perGPU) < 1e-6 * total)
    }
}
