import ClusterModel
import Insights

/// The selectable rows of the insight screens built from the frame, computed the same way for the view (to
/// draw) and the page (to clamp the selection and to open the selected row).
enum InsightRows {
    /// The heatmap of the GPUs matching the filter.
    static func heatmap(_ frame: DashboardFrame, _ state: UIState) -> Heatmap {
        let filter = InsightFilter(state.filter)
        let metric = state.insight.heatmapMetric
        let thresholds = frame.alerts?.configuration.thresholds ?? .default
        // The index costs a hash per GPU: built only when a filter or the KV metric joins GPUs to instances.
        guard !filter.expression.isEmpty || metric == .kv else {
            return Heatmap.build(frame.snapshot, metric: metric, thresholds: thresholds)
        }
        let index = SnapshotIndex(frame.snapshot)
        return Heatmap.build(
            frame.snapshot, metric: metric, index: index, gpus: filter.gpus(frame.snapshot, index: index),
            thresholds: thresholds)
    }

    /// The grouped list's lines: groups of the matching GPUs, sorted, with the open groups' members.
    static func groupRows(_ frame: DashboardFrame, _ state: UIState) -> [GroupedRow] {
        let snapshot = frame.snapshot
        let index = SnapshotIndex(snapshot)
        let insight = state.insight
        let gpus = InsightFilter(state.filter).gpus(snapshot, index: index)
        let groups = GPUGrouping.groups(snapshot, index: index, by: insight.grouping, gpus: gpus)
        let expansion = insight.expansion ?? .automatic(gpuCount: snapshot.gpus.count)
        return expansion.rows(groups, index: index, sort: insight.groupSort, ascending: insight.groupSortAscending)
    }

    /// The event log, newest first; empty when the feed evaluates no alerts.
    static func events(_ frame: DashboardFrame) -> [AlertEvent] {
        frame.alerts?.log.newestFirst ?? []
    }

    static func coldStarts(_ frame: DashboardFrame) -> ColdStarts {
        ColdStarts.build(frame.snapshot, loads: frame.alerts?.loads ?? LoadTracker())
    }
}
