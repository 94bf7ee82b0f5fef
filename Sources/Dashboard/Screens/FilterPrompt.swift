import Insights

/// The `/` prompt: printable keys type a filter (words, or an expression such as `vram>90 model=llama`) that the
/// screen below applies as it is typed; Enter keeps it, Esc clears it. The footer shows it, with the column where
/// it stops parsing as an expression.
struct FilterPrompt: ScreenPage {
    var kind: ScreenKind { .prompt }

    func keys(_ state: UIState) -> [KeyBinding] { KeyMap.filter }

    /// Nothing over the screen: the typed text is the start of the footer (`footerPrompt`), beside the alerts.
    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext) {}

    func footerPrompt(_ state: UIState) -> [FlowText.Piece] {
        var typed: [FlowText.Piece] = [("/", .key), (state.filter + "_", .accent)]
        if let error = InsightFilter(state.filter).error { typed.append(("  " + error.description, .critical)) }
        return typed
    }

    func handle(_ action: UIAction, _ state: inout UIState, _ context: UIReducer.Context) -> Bool {
        switch action {
        case .input(let c):
            state.filter.append(c)
            UIReducer.resetSelections(&state)
        case .deleteBackward:
            if !state.filter.isEmpty { state.filter.removeLast() }
            UIReducer.resetSelections(&state)
        case .commit:
            state.closeTop()
        case .close:
            state.filter = ""
            state.closeTop()
        default: return false
        }
        return true
    }
}
