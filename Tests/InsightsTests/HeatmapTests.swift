import ClusterModel
import Testing

@testable import Insights

@Suite struct HeatmapTests {
    typealias B = SnapshotBuilder

    @Test func cellsAreGroupedByNodeAndBucketedWithALegend() {
        let snapshot = B.snapshot(
            0,
            gpus: [
                B.gpu("n1", 0, vram: 0.3), B.gpu("n1", 1, vram: 0.96), B.gpu("n2", 0, vram: 0.85),
                B.gpu("n2", 1, vram: nil), B.gpu("n2", 2, vram: 0.5, stale: true),
            ])
        let map = Heatmap.build(snapshot, metric: .vram)
        #expect(map.rows.map(\.node) == ["n1", "n2"])
        #expect(map.rows.map { $0.cells.map(\.level) } == [[0, 3], [2, nil, nil]])
        // The top edges are the threshold policy's VRAM warning and critical levels (95 %, 99 %).
        #expect(map.legend.buckets.map(\.label) == ["≤50%", "50%–70%", "70%–95%", "95%–99%", ">99%"])
        #expect(map.legend.buckets.map(\.count) == [1, 0, 1, 1, 0])
        #expect(map.legend.absentCount == 2)
        #expect(map.cellCount == 5)
        #expect(map.cell(row: 1, column: 0)?.gpuID == "n2/0")
        #expect(map.cell(row: 2, column: 0) == nil)
    }

    @Test func kvComesFromTheInstancesOnTheGPU() {
        let snapshot = B.snapshot(
            0, gpus: [B.gpu("n1", 0, instances: ["a", "b"]), B.gpu("n1", 1)],
            instances: [B.instance("a", kv: 0.4), B.instance("b", kv: 0.92)])
        let map = Heatmap.build(snapshot, metric: .kv)
        #expect(map.rows[0].cells.map(\.value) == [0.92, nil])
        #expect(map.rows[0].cells.map(\.level) == [3, nil])
    }

    @Test func temperatureBucketsAreDegrees() {
        let legend = HeatmapLegend(metric: .temperature)
        #expect(legend.buckets.map(\.label) == ["≤50°C", "50°C–65°C", "65°C–85°C", "85°C–90°C", ">90°C"])
        #expect([49.9, 50, 50.1, 85, 85.1, 90.1, nil].map { legend.level(of: $0) } == [0, 0, 1, 2, 3, 4, nil])
        #expect(HeatmapMetric.kv.next == .vram)
        #expect(!HeatmapMetric.utilization.higherIsWorse)
    }
}
