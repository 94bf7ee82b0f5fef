/// The heatmap of every GPU (`H`), a line per node: the arrows move by cell and by node line, `m` colours by the
/// next metric, Enter opens the GPU under the cursor.
struct HeatmapPage: InsightPage {
    var screenID: ScreenID { .heatmap }

    var ownKeys: [KeyBinding] {
        [
            InsightKeys.open,
            KeyBinding([.left, .character("h")], .moveLeft, help: "previous GPU of the node"),
            KeyBinding([.right, .character("l")], .moveRight, help: "next GPU of the node"),
            KeyBinding([.character("m")], .cycleMode, help: "colour by the next metric", hint: "metric"),
            InsightKeys.filter,
        ]
    }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        InsightRows.heatmap(frame, state).rows.flatMap(\.cells).map { .gpu($0.gpuID) }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) { HeatmapView.draw(&canvas, rect, ctx) }

    /// Up and down move by node line, keeping the position within the line where they can.
    func handleOwn(_ action: UIAction, _ state: inout UIState, _ frame: DashboardFrame) -> Bool {
        let selected = state.insight.selected(.heatmap)
        switch action {
        case .moveUp: moveLine(by: -1, &state, frame)
        case .moveDown: moveLine(by: 1, &state, frame)
        case .pageUp: moveLine(by: -InsightKeys.pageRows, &state, frame)
        case .pageDown: moveLine(by: InsightKeys.pageRows, &state, frame)
        case .moveLeft, .moveRight:
            let count = InsightRows.heatmap(frame, state).cellCount
            state.insight.selection[.heatmap] = max(0, min(count - 1, selected + (action == .moveLeft ? -1 : 1)))
        case .cycleMode:
            state.insight.heatmapMetric = state.insight.heatmapMetric.next
        default: return false
        }
        return true
    }

    private func moveLine(by rows: Int, _ state: inout UIState, _ frame: DashboardFrame) {
        let map = InsightRows.heatmap(frame, state)
        state.insight.selection[.heatmap] = HeatmapView.move(state.insight.selected(.heatmap), rows: rows, map: map)
    }
}
