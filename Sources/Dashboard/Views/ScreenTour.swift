import ClusterModel
import Insights

/// Every screen a user can reach for one cluster picture, as the UI states that show them: the overview with
/// each panel focused, compact and with help; the targets screen; every insight screen (the first GPU's and
/// instance's details, batching, GPU types, cold starts, events, the heatmap by each metric, the groups by
/// each grouping); and a replay's timeline. For sweeps that must cover every view: the layout tests, the
/// whole-path fuzz target and `bench render`.
package enum ScreenTour {
    package static func states(for snapshot: ClusterSnapshot) -> [UIState] {
        var states: [UIState] = []
        func add(_ change: (inout UIState) -> Void) {
            var state = UIState()
            change(&state)
            states.append(state)
        }
        for panel in UIState.Panel.allCases { add { $0.focus = panel } }
        add { $0.compact = true }
        states.append(UIState(showing: .help))
        add { $0.replay = true }
        states.append(UIState(showing: .targets))
        var screens: [ScreenID] = [.gpuTypes, .coldStarts, .events, .heatmap, .groups]
        if let gpu = snapshot.gpus.first { screens.append(.gpu(gpu.id)) }
        if let instance = snapshot.instances.first {
            screens += [.instance(instance.id), .batching(instanceID: instance.id)]
            if let model = instance.model { screens.append(.modelBatching(model)) }
        }
        states += screens.map { UIState(showing: $0) }
        for metric in HeatmapMetric.allCases where metric != .vram {
            var state = UIState(showing: .heatmap)
            state.insight.heatmapMetric = metric
            states.append(state)
        }
        for grouping in GPUGroupingMode.allCases where grouping != .node {
            var state = UIState(showing: .groups)
            state.insight.grouping = grouping
            states.append(state)
        }
        return states
    }
}
