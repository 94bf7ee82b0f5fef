import ClusterModel
import Insights

/// The selectable rows of each insight screen, computed from the frame the same way for the view (to
/// draw) and the reducer (to clamp the selection and to open the selected row).
enum InsightRows {
    /// Where Enter on a row leads.
    static func targets(_ screen: InsightScreen, frame: DashboardFrame, state: InsightUIState) -> [InsightScreen?] {
        let snapshot = frame.snapshot
        switch screen {
        case .events:
            return events(frame).map { event in
                switch event.subject.kind {
                case .gpu: return .gpu(event.subject.id)
                case .instance: return .instance(event.subject.id)
                case .target: return nil
                }
            }
        case .coldStarts:
            let starts = coldStarts(frame)
            return starts.loading.map { .instance($0.load.instanceID) } + starts.past.map { .instance($0.instanceID) }
        case .gpuTypes:
            return GPUTypeComparison.build(snapshot).rows.map { row in row.model.map { .modelBatching($0) } }
        case .gpu(let id):
            return (snapshot.gpu(id: id)?.instanceIDs ?? []).map { .instance($0) }
        case .instance(let id):
            return (snapshot.instance(id: id)?.gpuIDs ?? []).map { .gpu($0) }
        case .heatmap:
            return Heatmap.build(snapshot, metric: state.heatmapMetric).rows.flatMap(\.cells).map { .gpu($0.gpuID) }
        case .batching, .modelBatching:
            return []
        }
    }

    /// The event log, newest first; empty when the feed evaluates no alerts.
    static func events(_ frame: DashboardFrame) -> [AlertEvent] {
        frame.alerts?.log.newestFirst ?? []
    }

    static func coldStarts(_ frame: DashboardFrame) -> ColdStarts {
        ColdStarts.build(frame.snapshot, loads: frame.alerts?.loads ?? LoadTracker())
    }
}
