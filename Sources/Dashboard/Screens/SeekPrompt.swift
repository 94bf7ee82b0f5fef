/// A replay's `g` prompt: type a time (12:30, 90s, or an ISO time) and Enter jumps there; Esc cancels. Drawn over
/// the timeline row, below the screen.
struct SeekPrompt: ScreenPage {
    var kind: ScreenKind { .prompt }

    func keys(_ state: UIState) -> [KeyBinding] { KeyMap.seek }

    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext) {
        let row = Rect(x: 0, y: area.maxY, width: canvas.width, height: 1)
        guard ctx.frame.replay != nil, row.maxY <= canvas.height, row.width > 0 else { return }
        canvas.fill(row, role: .header)
        var x = row.x
        x += canvas.write("go to (12:30, 90s, ISO time): ", x: x, y: row.y, role: .accent, maxWidth: row.maxX - x)
        x += canvas.write(ctx.state.seekText, x: x, y: row.y, role: .text, maxWidth: row.maxX - x)
        canvas.put("▏", x: x, y: row.y, role: .accent, clip: row)
    }

    func handle(_ action: UIAction, _ state: inout UIState, _ context: UIReducer.Context) -> Bool {
        switch action {
        case .input(let c): state.seekText.append(c)
        case .deleteBackward: if !state.seekText.isEmpty { state.seekText.removeLast() }
        case .commit:
            state.closeTop()
            if let moment = ReplayTimeText.parse(state.seekText) {
                UIReducer.request(.seek(offsetMs: moment.offsetMs(from: context.replayStartMs ?? 0)), &state)
            }
            state.seekText = ""
        case .close:
            state.closeTop()
            state.seekText = ""
        default: return false
        }
        return true
    }
}
