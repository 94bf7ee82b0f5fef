import MetricStore
import Testing

@testable import ClusterModel

/// How the plans hold what a frame reads: in few buffers, so a frame does not chase one small array per metric.
@Suite struct PlanStorageTests {
    @Test func aGPUPlanHasAFieldForEveryMetric() {
        #expect(GPUPlan.Fields.count == GPUMetric.allCases.count)
    }

    @Test func groupsSetInAnyOrderReadBackAsSet() {
        var grouped = Grouped<Int>(groups: 5)
        grouped[3] = [30, 31]
        grouped[0] = [1]
        grouped[4] = [40, 41, 42]
        grouped[3] = [33]  // shorter than before
        grouped[1] = []
        grouped[2] = [20, 21]  // between filled groups
        #expect(grouped.indices.map { Array(grouped[$0]) } == [[1], [], [20, 21], [33], [40, 41, 42]])
        #expect(grouped.elements == [1, 20, 21, 33, 40, 41, 42])

        grouped.modifyEach { $0 += 1 }
        grouped.replaceElements { $0.map { $0 * 10 } }
        #expect(grouped.indices.map { Array(grouped[$0]) } == [[20], [], [210, 220], [340], [410, 420, 430]])
    }

    @Test func partsSharingOneBufferKeepTheirOwnBuckets() {
        let a = HistogramPart([(0.5, SeriesID(raw: 7)), (0.1, SeriesID(raw: 6)), (.infinity, SeriesID(raw: 8))])
        let b = HistogramPart([(1, SeriesID(raw: 20)), (.infinity, SeriesID(raw: 21))])
        let shared = HistogramPart.sharingIDs([a, b])
        #expect(shared.map { Array($0.ids) } == [[6, 7, 8].map(SeriesID.init(raw:)), [20, 21].map(SeriesID.init(raw:))])
        #expect(shared.map(\.bounds) == [[0.1, 0.5, .infinity], [1, .infinity]])
    }
}
