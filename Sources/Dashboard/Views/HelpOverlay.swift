/// The `?` overlay: every binding of the screen's key table with its description, drawn over the screen.
public enum HelpOverlay {
    public static func draw(_ canvas: inout Canvas, state: UIState, glyphs: GlyphSet) {
        var underlying = state
        underlying.helpVisible = false
        let bindings = KeyMap.table(for: underlying)
        let rect = ScreenLayout.helpRect(canvas.size, rows: bindings.count)
        guard rect.width >= 10, rect.height >= 3 else { return }
        canvas.fill(rect)
        let inside = Box.draw(&canvas, rect, title: "help — Esc or ? closes", focused: true, glyphs: glyphs)
        let keyWidth = min(16, inside.width / 3)
        for (i, binding) in bindings.prefix(inside.height).enumerated() {
            let y = inside.y + i
            canvas.write(binding.keyLabel, x: inside.x + 1, y: y, role: .key, maxWidth: keyWidth)
            canvas.write(binding.help, x: inside.x + 2 + keyWidth, y: y, role: .text, maxWidth: inside.width - keyWidth - 3)
        }
    }
}
