import ClusterModel
import Testing

/// The history the charts draw from: bounded, aligned on frames, absent values kept as gaps.
@Suite struct ClusterHistoryTests {
    static func snapshot(at timeMs: Int64, vram: Double?, gpu: String = "n/0") -> ClusterSnapshot {
        var totals = ClusterTotals()
        totals.generationTokensPerSecond = Double(timeMs / 1000)
        return ClusterSnapshot(timeMs: timeMs, gpus: [GPU(id: gpu, node: "n", index: 0, vramUsedBytes: vram)], totals: totals)
    }

    @Test func windowedValuesOldestFirst() {
        var history = ClusterHistory(capacity: 10)
        for second in 1...5 { history.append(Self.snapshot(at: Int64(second) * 1000, vram: Double(second))) }
        let points = history.values(.gpu("n/0", .vramUsed), window: .seconds(2))
        #expect(points.map(\.timeMs) == [3000, 4000, 5000])
        #expect(points.map(\.value) == [3, 4, 5])
        #expect(history.latest(.cluster(.generationTPS)) == 5)
    }

    @Test func absentValuesAndMissedFramesAreGaps() {
        var history = ClusterHistory(capacity: 10)
        history.append(Self.snapshot(at: 1000, vram: 1))
        history.append(Self.snapshot(at: 2000, vram: nil))
        history.append(Self.snapshot(at: 3000, vram: 7, gpu: "other"))
        history.append(Self.snapshot(at: 4000, vram: 4))
        let points = history.values(.gpu("n/0", .vramUsed), window: .seconds(60))
        #expect(points.map(\.value) == [1, nil, nil, 4])
        #expect(history.latest(.gpu("other", .vramUsed)) == nil)
    }

    @Test func boundedByCapacityAndForgetsVanishedKeys() {
        var history = ClusterHistory(capacity: 8)
        for second in 1...100 { history.append(Self.snapshot(at: Int64(second) * 1000, vram: 1, gpu: second < 50 ? "old" : "new")) }
        #expect(history.values(.cluster(.generationTPS), window: .seconds(1000)).count == 8)
        #expect(history.values(.gpu("old", .vramUsed), window: .seconds(1000)).isEmpty)
        #expect(!history.keys.contains(.gpu("old", .vramUsed)))
        #expect(history.keys.count < 20)
    }
}
