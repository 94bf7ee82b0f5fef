/// The `?` overlay: every binding of the key table of the screen below with its description, drawn over it.
/// Only Esc, `?` and `q` work while it is open.
struct HelpPage: ScreenPage {
    var kind: ScreenKind { .overlay }

    func keys(_ state: UIState) -> [KeyBinding] { KeyMap.help }

    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext) {
        var underlying = ctx.state
        if underlying.top == .help { underlying.closeTop() }
        let bindings = KeyMap.table(for: underlying)
        // Two columns when one would not fit the height and the screen is wide enough for both.
        let columns = bindings.count + 4 > area.height - 2 && area.width >= 110 ? 2 : 1
        let rows = (bindings.count + columns - 1) / columns
        let rect = ScreenLayout.helpRect(area.size, rows: rows, maxWidth: 76 * columns)
        guard rect.width >= 10, rect.height >= 3 else { return }
        canvas.fill(rect)
        let inside = Box.draw(&canvas, rect, title: "help — Esc or ? closes", focused: true, glyphs: ctx.glyphs)
        let columnWidth = inside.width / columns
        let keyWidth = min(16, columnWidth / 3)
        let shownRows = bindings.count > inside.height * columns ? inside.height - 1 : inside.height
        for (i, binding) in bindings.enumerated() {
            let column = i / max(1, rows)
            let row = i % max(1, rows)
            guard row < shownRows, column < columns else { continue }
            let x = inside.x + column * columnWidth
            let y = inside.y + row
            canvas.write(binding.keyLabel, x: x + 1, y: y, role: .key, maxWidth: keyWidth)
            canvas.write(binding.help, x: x + 2 + keyWidth, y: y, role: .text, maxWidth: columnWidth - keyWidth - 3)
        }
        let hidden = bindings.indices.filter { $0 % max(1, rows) >= shownRows }.count
        if hidden > 0 {
            canvas.write(
                "… \(hidden) more: enlarge the terminal", x: inside.x + 1, y: inside.maxY - 1, role: .muted,
                maxWidth: inside.width - 1)
        }
    }
}
