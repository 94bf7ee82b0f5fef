import Insights

/// GPUs grouped by node or by model (`n`), with aggregates per group: Enter opens or closes a group (or opens a
/// GPU), `m` switches the grouping, `s`/`S` sort the groups.
struct GroupsPage: InsightPage {
    var screenID: ScreenID { .groups }

    var ownKeys: [KeyBinding] {
        [
            KeyBinding([.enter], .openSelected, help: "expand or collapse a group, open a GPU", hint: "expand"),
            KeyBinding([.character("m")], .cycleMode, help: "group by node or by model", hint: "by"),
            KeyBinding([.character("s")], .cycleSort, help: "sort groups by the next column", hint: "sort"),
            KeyBinding([.character("S")], .reverseSort, help: "reverse the sort order"),
            InsightKeys.filter,
        ]
    }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        InsightRows.groupRows(frame, state).map { row in
            if case .gpu(let gpu, _) = row { return .gpu(gpu.id) }
            return nil
        }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) { GroupsView.draw(&canvas, rect, ctx) }

    func handleOwn(_ action: UIAction, _ state: inout UIState, _ frame: DashboardFrame) -> Bool {
        switch action {
        case .openSelected: toggleSelectedGroup(&state, frame)
        case .cycleMode:
            state.insight.grouping = state.insight.grouping == .node ? .model : .node
            state.insight.selection[.groups] = 0
        case .cycleSort:
            let all = GroupSortKey.allCases
            state.insight.groupSort = all[((all.firstIndex(of: state.insight.groupSort) ?? 0) + 1) % all.count]
        case .reverseSort:
            state.insight.groupSortAscending.toggle()
        default: return false
        }
        return true
    }

    /// Enter on the grouped list: a group opens or closes (keeping the selection on it), a GPU opens.
    private func toggleSelectedGroup(_ state: inout UIState, _ frame: DashboardFrame) {
        let rows = InsightRows.groupRows(frame, state)
        let row = state.insight.selected(.groups)
        guard rows.indices.contains(row) else { return }
        switch rows[row] {
        case .group(let group, _):
            var expansion = state.insight.expansion ?? .automatic(gpuCount: frame.snapshot.gpus.count)
            expansion.toggle(group.id)
            state.insight.expansion = expansion
        case .gpu(let gpu, _):
            state.open(.gpu(gpu.id))
        }
    }
}
