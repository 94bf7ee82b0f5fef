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

    @Test func groupsAppendedAfterOthersKeepTheirPlaces() {
        var first = Grouped<Int>(groups: 2)
        first[1] = [10, 11]
        var second = Grouped<Int>(groups: 2)
        second[0] = [20]
        var all = Grouped<Int>(groups: 0)
        all.append(groupsOf: first)
        all.appendEmptyGroups(2)
        all.append(groupsOf: second)
        #expect(all.indices.map { Array(all[$0]) } == [[], [10, 11], [], [], [20], []])
        #expect(Array(all.elements(ofGroups: 1..<5)) == [10, 11, 20])
    }

    /// The display-ordered columns give each instance its own plan's sources, whatever order the plans are in.
    @Test func columnsFollowTheDisplayOrder() {
        func plan(_ id: Int32) -> InstancePlan {
            var plan = InstancePlan(
                identity: SharedValue(InstanceIdentity(id: "i\(id)", target: "t", engine: .vllm)),
                scalars: Grouped(groups: InstanceMetric.allCases.count),
                histograms: Grouped(groups: InstanceMetric.allCases.count),
                summaries: Grouped(groups: InstanceMetric.allCases.count))
            plan.scalars[InstanceMetric.running.rawValue] = [SeriesRef(id: SeriesID(raw: id), scale: 1)]
            plan.histograms[InstanceMetric.ttft.rawValue] = [
                HistogramPart([(1, SeriesID(raw: id * 10)), (.infinity, SeriesID(raw: id * 10 + 1))])
            ]
            return plan
        }
        let plans = [TargetPlan(name: "t", instances: [plan(1), plan(2)], gpus: [], recognised: true)]
        let columns = InstanceColumns(plans: plans, order: [(0, 1), (0, -1), (0, 0)])
        #expect(columns.scalars(0, .running).map(\.id.raw) == [2] && columns.scalars(2, .running).map(\.id.raw) == [1])
        #expect(columns.allScalars(1).isEmpty && columns.histograms(1, .ttft).isEmpty)
        #expect(columns.histograms(2, .ttft).map { $0.ids.map(\.raw) } == [[10, 11]])
        #expect(columns.histograms(0, .ttft).map { $0.ids.map(\.raw) } == [[20, 21]])
        #expect(columns.summaries(0, .ttft).isEmpty)
    }
}
