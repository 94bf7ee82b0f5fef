import ClusterModel
import Insights

/// Applies an `InsightAction`: opens, stacks and closes the insight screens and moves their selections.
/// Pure, like `UIReducer`, but given the frame, so "the selected row" becomes a GPU or instance id.
package enum InsightReducer {
    package static func reduce(_ state: UIState, _ action: InsightAction, frame: DashboardFrame) -> UIState {
        var s = state
        switch action {
        case .openSelected:
            if state.screen == .insight, state.insight.current == .groups {
                toggleSelectedGroup(&s, frame: frame)
            } else if let next = selectedTarget(state, frame: frame) {
                push(&s, next)
            }
        case .show(let screen):
            push(&s, screen)
        case .showBatching:
            if let id = selectedInstance(state, frame: frame) { push(&s, .batching(instanceID: id)) }
        case .back:
            _ = s.insight.stack.popLast()
            if s.insight.stack.isEmpty { s.screen = .overview }
        case .move(let rows):
            guard let screen = s.insight.current else { break }
            if screen == .heatmap {
                s.insight.selection[screen] = HeatmapView.move(
                    s.insight.selected(screen), rows: rows,
                    map: InsightRows.heatmap(frame, s))
            } else {
                let count = InsightRows.targets(screen, frame: frame, state: s).count
                s.insight.selection[screen] = max(0, min(count - 1, s.insight.selected(screen) + rows))
            }
        case .moveColumn(let step):
            guard s.insight.current == .heatmap else { break }
            let count = InsightRows.heatmap(frame, s).cellCount
            s.insight.selection[.heatmap] = max(0, min(count - 1, s.insight.selected(.heatmap) + step))
        case .cycleMode:
            if s.insight.current == .groups {
                s.insight.grouping = s.insight.grouping == .node ? .model : .node
                s.insight.selection[.groups] = 0
            } else {
                s.insight.heatmapMetric = s.insight.heatmapMetric.next
            }
        case .cycleSort:
            let all = GroupSortKey.allCases
            s.insight.groupSort = all[(all.firstIndex(of: s.insight.groupSort)! + 1) % all.count]
        case .reverseSort:
            s.insight.groupSortAscending.toggle()
        }
        return s
    }

    /// Opens `screen` on top; a screen already open is returned to instead of stacked twice.
    private static func push(_ s: inout UIState, _ screen: InsightScreen) {
        if let index = s.insight.stack.firstIndex(of: screen) {
            s.insight.stack.removeSubrange((index + 1)...)
        } else {
            s.insight.stack.append(screen)
        }
        s.screen = .insight
        s.helpVisible = false
    }

    private static func selectedTarget(_ state: UIState, frame: DashboardFrame) -> InsightScreen? {
        guard state.screen == .insight, let screen = state.insight.current else {
            guard state.screen == .overview else { return nil }
            switch state.focus {
            case .gpus:
                let gpus = ClusterQuery.gpus(frame.snapshot, state)
                return gpus.indices.contains(state.selected(.gpus)) ? .gpu(gpus[state.selected(.gpus)].id) : nil
            case .instances:
                return selectedInstance(state, frame: frame).map { .instance($0) }
            case .charts:
                return nil
            }
        }
        let targets = InsightRows.targets(screen, frame: frame, state: state)
        let row = state.insight.selected(screen)
        return targets.indices.contains(row) ? targets[row] : nil
    }

    /// Enter on the grouped list: a group opens or closes (keeping the selection on it), a GPU opens.
    private static func toggleSelectedGroup(_ s: inout UIState, frame: DashboardFrame) {
        let rows = InsightRows.groupRows(frame, s)
        let row = s.insight.selected(.groups)
        guard rows.indices.contains(row) else { return }
        switch rows[row] {
        case .group(let group, _):
            var expansion = s.insight.expansion ?? .automatic(gpuCount: frame.snapshot.gpus.count)
            expansion.toggle(group.id)
            s.insight.expansion = expansion
        case .gpu(let gpu, _):
            push(&s, .gpu(gpu.id))
        }
    }

    private static func selectedInstance(_ state: UIState, frame: DashboardFrame) -> String? {
        switch (state.screen, state.insight.current) {
        case (.insight, .instance(let id)?):
            return id
        case (.overview, _) where state.focus == .instances:
            let instances = ClusterQuery.instances(frame.snapshot, state)
            return instances.indices.contains(state.selected(.instances)) ? instances[state.selected(.instances)].id : nil
        default:
            return nil
        }
    }
}
