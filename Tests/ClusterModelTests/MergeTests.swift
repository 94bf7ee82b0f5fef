import ClusterModel
import Exposition
import MetricStore
import Testing

/// Quantiles across instances come from their bucket rates added together: per model, per GPU type and
/// for the cluster, checked against the bucket rates of the generated pages (12 engines, 4 models, two
/// GPU types); parts of one engine with different boundaries are not merged.
@Suite struct MergeTests {
    static func pair() throws -> SuccessivePagesTests.Pair {
        let first = try GeneratedPages.page(nodes: 4, gpus: 4, vllmPerNode: 3, tick: 1)
        let second = try GeneratedPages.page(nodes: 4, gpus: 4, vllmPerNode: 3, tick: 2)
        let result = PageLoader(intervalMs: 1_000, startMs: 1_000_000).load([
            PageInput(target: "cluster", origin: "tick1", bytes: first),
            PageInput(target: "cluster", origin: "tick2", bytes: second),
        ])
        #expect(result.errors.isEmpty)
        return SuccessivePagesTests.Pair(
            before: ExpositionParser.parse(first), after: ExpositionParser.parse(second),
            snapshot: result.snapshot)
    }

    static func label(_ instance: EngineInstance) -> String { String(instance.id.split(separator: "|")[1]) }

    /// The TTFT bucket rates of `instances` added per bound: each series' rate computed from its two raw
    /// samples as Prometheus' `rate()` does over the loader's two-second window (independently of the store).
    static func bucketRates(_ pair: SuccessivePagesTests.Pair, instances: [String]) -> [HistogramBucket] {
        var byBound: [Double: Double] = [:]
        let name = "vllm:time_to_first_token_seconds_bucket"
        for after in pair.after.samples where after.name == name && instances.contains(after.labels["instance"] ?? "") {
            guard let before = pair.before.samples.first(where: { $0.name == name && $0.labels == after.labels }),
                let rate = CounterRate.compute(
                    [
                        (timeMs: Int64(1_000_000), value: before.value),
                        (timeMs: Int64(1_001_000), value: after.value),
                    ],
                    windowStartMs: 999_000, windowEndMs: 1_001_000)
            else { continue }
            byBound[HistogramBucket.parseBound(after.labels["le"]!)!, default: 0] += rate.perSecond
        }
        return byBound.map { HistogramBucket(upperBound: $0.key, count: $0.value) }
    }

    /// Each (level, value) of `quantiles` is the quantile of the summed bucket rates of `instances`.
    static func expectQuantiles(
        _ pair: SuccessivePagesTests.Pair, of instances: [EngineInstance],
        _ quantiles: [(level: Double, value: Double?)], _ scope: String
    ) {
        let buckets = bucketRates(pair, instances: instances.map(label))
        for (level, got) in quantiles {
            let expected = HistogramQuantile.quantile(level, buckets)
            #expect(got == expected || abs((got ?? .nan) - (expected ?? .nan)) < 1e-9, "\(scope) p\(Int(level * 100))")
        }
    }

    @Test func perModelAndPerGPUTypeQuantilesMergeBucketRates() throws {
        let pair = try Self.pair()
        let snapshot = pair.snapshot
        #expect(snapshot.instances.count == 12)
        #expect(snapshot.byModel.contains { $0.instanceCount > 1 })
        #expect(snapshot.byModel.allSatisfy { $0.ttft.p50 != nil } && snapshot.byGPUType.allSatisfy { $0.ttftP95 != nil })
        for model in snapshot.byModel {
            Self.expectQuantiles(
                pair, of: snapshot.instances.filter { $0.model == model.model },
                [(0.5, model.ttft.p50), (0.95, model.ttft.p95)], model.model)
        }
        #expect(snapshot.byGPUType.count >= 2)
        for type in snapshot.byGPUType {
            let gpus = Set(snapshot.gpus.filter { ($0.modelName ?? "unknown") == type.modelName }.map(\.id))
            let served = snapshot.instances.filter { !gpus.isDisjoint(with: $0.gpuIDs) }
            Self.expectQuantiles(pair, of: served, [(0.95, type.ttftP95)], type.modelName)
        }
        Self.expectQuantiles(
            pair, of: snapshot.instances, [(0.5, snapshot.totals.ttft.p50), (0.99, snapshot.totals.ttft.p99)],
            "cluster")
    }

    @Test func partsOfOneEngineWithDifferentBoundariesAreNotMerged() throws {
        func page(_ count: Double) -> String {
            """
            # TYPE vllm:time_to_first_token_seconds histogram
            vllm:time_to_first_token_seconds_bucket{engine="0",model_name="m",le="0.1"} \(count / 2)
            vllm:time_to_first_token_seconds_bucket{engine="0",model_name="m",le="+Inf"} \(count)
            vllm:time_to_first_token_seconds_bucket{engine="1",model_name="m",le="0.2"} \(count / 2)
            vllm:time_to_first_token_seconds_bucket{engine="1",model_name="m",le="+Inf"} \(count)

            """
        }
        let snapshot = PageLoader().load([
            PageInput(target: "a", origin: "t0", bytes: Array(page(100).utf8)),
            PageInput(target: "a", origin: "t1", bytes: Array(page(200).utf8)),
        ]).snapshot
        let instance = try #require(snapshot.instances.first)
        #expect(instance.ttft.isEmpty)
        #expect(snapshot.notes.contains { $0.contains("ttft parts have different bucket boundaries") })
        #expect(snapshot.totals.ttft.isEmpty)
    }
}
