/// An insight screen of the stack: the header, the breadcrumbs, its body and the footer, with keys to move
/// through its rows, open the selected one (Enter) and go back (Esc). Each screen gives its body, where its rows
/// lead, and any keys and actions of its own; the rest is the same for all of them.
protocol InsightPage: ScreenPage {
    /// The screen's name on the stack (its selection is kept under it).
    var screenID: ScreenID { get }
    /// The screen's own keys, listed before the ones every insight screen has.
    var ownKeys: [KeyBinding] { get }
    /// Where Enter on each selectable row leads (nil: nowhere).
    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?]
    /// Draws the screen's own part, between the breadcrumbs and the footer.
    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext)
    /// The screen's own handling of an action, tried before the one every insight screen has.
    func handleOwn(_ action: UIAction, _ state: inout UIState, _ frame: DashboardFrame) -> Bool
}

extension InsightPage {
    var kind: ScreenKind { .screen }
    var ownKeys: [KeyBinding] { [InsightKeys.open] }

    func handleOwn(_ action: UIAction, _ state: inout UIState, _ frame: DashboardFrame) -> Bool { false }

    /// `T` and the filter belong to the overview; everything else global works here too.
    func keys(_ state: UIState) -> [KeyBinding] {
        ownKeys + InsightKeys.common + KeyMap.global.filter { $0.action != .showTargets }
    }

    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext) {
        InsightView.draw(&canvas, area, ctx) { canvas, rect in drawBody(&canvas, rect, ctx) }
    }

    func handle(_ action: UIAction, _ state: inout UIState, _ context: UIReducer.Context) -> Bool {
        guard let frame = context.frame else { return false }
        if handleOwn(action, &state, frame) { return true }
        switch action {
        case .moveUp: moveSelection(by: -1, &state, frame)
        case .moveDown: moveSelection(by: 1, &state, frame)
        case .pageUp: moveSelection(by: -InsightKeys.pageRows, &state, frame)
        case .pageDown: moveSelection(by: InsightKeys.pageRows, &state, frame)
        case .openSelected:
            let targets = rowTargets(frame, state)
            let row = state.insight.selected(screenID)
            if targets.indices.contains(row), let next = targets[row] { state.open(next) }
        default: return false
        }
        return true
    }

    private func moveSelection(by rows: Int, _ state: inout UIState, _ frame: DashboardFrame) {
        let count = rowTargets(frame, state).count
        state.insight.selection[screenID] = max(0, min(count - 1, state.insight.selected(screenID) + rows))
    }
}
