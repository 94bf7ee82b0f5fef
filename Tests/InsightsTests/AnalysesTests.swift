import ClusterModel
import Testing

@testable import Insights

@Suite struct AnalysesTests {
    typealias B = SnapshotBuilder

    @Test func gpuTypesAreComparedPerGPUAndPerWattAndPerModel() throws {
        let snapshot = B.snapshot(
            0,
            gpus: [
                B.gpu("h", 0, vram: 0.8, power: 500, instances: ["h-llama"]),
                B.gpu("h", 1, vram: 0.6, power: 500, instances: ["h-qwen"]),
                B.gpu("h", 2, vram: 0.1, power: 100),
                B.gpu("a", 0, type: "NVIDIA A10G", vram: 0.9, power: 150, instances: ["a-llama"]),
                B.gpu("a", 1, type: "NVIDIA A10G", vram: 0.7, power: 150, instances: ["a-llama"]),
            ],
            instances: [
                B.instance("h-llama", node: "h", ttftP95: 0.3, tps: 3000, gpus: ["h/0"]),
                B.instance("h-qwen", node: "h", model: "Qwen/Qwen2.5-7B", ttftP95: 0.5, tps: 1500, gpus: ["h/1"]),
                B.instance("a-llama", node: "a", ttftP95: 1.2, tps: 600, gpus: ["a/0", "a/1"]),
                B.instance("unjoined", node: "x", tps: 999),
            ])
        let rows = GPUTypeComparison.build(snapshot).rows
        #expect(
            rows.map { "\($0.gpuType)|\($0.model ?? "*")" } == [
                "NVIDIA H100 80GB HBM3|*", "NVIDIA H100 80GB HBM3|meta-llama/Llama-3.1-8B-Instruct",
                "NVIDIA H100 80GB HBM3|Qwen/Qwen2.5-7B", "NVIDIA A10G|*", "NVIDIA A10G|meta-llama/Llama-3.1-8B-Instruct",
            ])
        let h100 = rows[0]
        let h100Llama = rows[1]
        let a10g = rows[3]
        #expect(h100.gpuCount == 3)
        #expect(h100.instanceCount == 2)
        #expect(h100.tokensPerSecondPerGPU == 1500)
        #expect(h100.tokensPerWatt == 4500.0 / 1100)
        #expect(abs((h100.meanVRAMFraction ?? 0) - 0.5) < 1e-9)
        #expect(h100.ttftP95 == 0.5)
        #expect(h100Llama.gpuCount == 1)
        #expect(h100Llama.tokensPerSecondPerGPU == 3000)
        #expect(h100Llama.tokensPerWatt == 6)
        #expect(a10g.tokensPerSecondPerGPU == 300)
        #expect(a10g.tokensPerWatt == 2)
        #expect(a10g.ttftP95 == 1.2)
        // The cluster model's merged p95 wins over the worst instance's for a type row.
        var merged = snapshot
        merged.byGPUType = [GPUTypeAggregate(modelName: "NVIDIA A10G", ttftP95: 0.9)]
        #expect(GPUTypeComparison.build(merged).rows[3].ttftP95 == 0.9)
    }

    @Test func coldStartsShowLoadsInProgressAndPastLoadTimes() throws {
        var tracker = LoadTracker()
        func frame(_ t: Double, _ states: [String: InstanceState], vram: Double) -> ClusterSnapshot {
            B.snapshot(
                t, gpus: [B.gpu("n1", 0, vram: vram, instances: Array(states.keys).sorted())],
                instances: states.keys.sorted().map { B.instance($0, state: states[$0]!, gpus: ["n1/0"]) })
        }
        tracker.observe(frame(0, ["old": .loading], vram: 0.1))
        tracker.observe(frame(60, ["old": .ready, "new": .ready], vram: 0.4))
        tracker.observe(frame(100, ["old": .ready, "new": .loading], vram: 0.4))
        tracker.observe(frame(220, ["old": .ready, "new": .ready], vram: 0.7))
        tracker.observe(frame(300, ["old": .ready, "new": .loading, "gone": .loading], vram: 0.7))
        tracker.observe(frame(330, ["old": .ready, "new": .loading], vram: 0.75))
        let starts = ColdStarts.build(frame(330, ["old": .ready, "new": .loading], vram: 0.75), loads: tracker)
        #expect(starts.past.map(\.instanceID) == ["gone", "new", "old"])
        #expect(starts.past.map(\.durationText) == ["30s", "2m00s", "≥1m00s"])
        #expect(starts.past.map(\.outcome) == [.vanished, .ready, .ready])
        let gained = try #require(starts.past[1].vramLoadedBytes)
        #expect(abs(gained - 0.3 * 80 * B.gib) < 1)
        #expect(starts.loading.map(\.load.instanceID) == ["new"])
        #expect(starts.loading.first?.elapsedText == "30s")
        #expect(abs((starts.loading.first?.vramLoadedBytes ?? 0) - 0.05 * 80 * B.gib) < 1)
        // Only complete loads with a seen start give the model's typical load time.
        #expect(starts.byModel.map(\.count) == [1])
        #expect(starts.byModel.first?.medianSeconds == 120)
    }

    @Test func aLoadThatFailsIsRecordedAsFailed() {
        var tracker = LoadTracker()
        tracker.observe(B.snapshot(0, instances: [B.instance("i", state: .ready)]))
        tracker.observe(B.snapshot(5, instances: [B.instance("i", state: .loading)]))
        tracker.observe(B.snapshot(9, instances: [B.instance("i", state: .unreachable)]))
        tracker.observe(B.snapshot(8, instances: [B.instance("i", state: .loading)]))
        #expect(tracker.history.map(\.outcome) == [.failed])
        #expect(tracker.history.first?.durationSeconds == 4)
        #expect(tracker.active.isEmpty)
    }

    @Test func aLoadFollowsItsServerWhenTheIdGainsTheEngineAndModel() throws {
        // A loading server answers with an empty page: its instance is known by the target alone, with no model.
        var tracker = LoadTracker()
        let loading = B.instance("http://n1:8000/metrics", model: nil, engine: .unknown, state: .loading)
        let served = B.instance("http://n1:8000/metrics|vllm|meta-llama/Llama-3.1-8B-Instruct")
        tracker.observe(B.snapshot(0, instances: [B.instance("other")]))
        tracker.observe(B.snapshot(10, instances: [B.instance("other"), loading]))
        tracker.observe(B.snapshot(50, instances: [B.instance("other"), served]))
        let record = try #require(tracker.history.first)
        #expect(tracker.history.count == 1 && tracker.active.isEmpty)
        #expect(record.instanceID == served.id && record.outcome == .ready && record.durationSeconds == 40)
        #expect(record.model == "meta-llama/Llama-3.1-8B-Instruct" && record.engine == .vllm)
        // An instance that was there before is another server on the same target: the load vanished.
        tracker.observe(B.snapshot(60, instances: [B.instance("other"), served, loading]))
        tracker.observe(B.snapshot(70, instances: [B.instance("other"), served]))
        #expect(tracker.history.last?.outcome == .vanished)
    }

    @Test func batchingBinsBatchSizeAgainstLatencyAndThroughput() throws {
        var history = ClusterHistory(capacity: 100)
        // Throughput grows with the batch until 16 and then flattens; ITL keeps rising.
        for t in 0..<40 {
            let batch = Double(t % 20) * 2
            let tps = batch == 0 ? 0 : min(batch, 16) * 100
            history.append(
                B.snapshot(
                    Double(t),
                    instances: [
                        B.instance("i", running: batch, itlP50: 0.01 + batch * 0.001, tps: tps),
                        B.instance("j", running: 4, itlP50: 0.05, tps: 100),
                    ]))
        }
        let tradeoff = BatchingTradeoff.instance("i", history: history, window: .seconds(60), binCount: 8)
        // Idle frames (batch 0) are left out: 38 frames with batches 2…38.
        #expect(tradeoff.points.count == 38)
        #expect(tradeoff.bins.map(\.label) == ["2–6", "7–11", "12–16", "17–21", "22–26", "27–31", "32–36", "37–41"])
        #expect(tradeoff.bins.map(\.count) == [6, 4, 6, 4, 6, 4, 6, 2])
        let saturated = try #require(tradeoff.saturationBin)
        #expect(tradeoff.bins[saturated].label == "17–21")
        let itls = tradeoff.bins.compactMap(\.meanITL)
        #expect(itls == itls.sorted())
        let pooled = BatchingTradeoff.model(
            "meta-llama/Llama-3.1-8B-Instruct",
            snapshot: B.snapshot(
                39,
                instances: [
                    B.instance("i"), B.instance("j"),
                ]), history: history, window: .seconds(60))
        #expect(pooled.points.count == 78)
        #expect(BatchingTradeoff.instance("nobody", history: history, window: .seconds(60)).bins.isEmpty)
    }
}
