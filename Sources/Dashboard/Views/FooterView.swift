/// The bottom line: the key hints of the table in force (the same rows as behaviour and help), after what a
/// prompt on top shows there (the filter being typed, with the column where it stops parsing as an expression).
/// Hints that do not fit yield from the end: the keys that work everywhere (quit, help, …) come first, then the
/// screen's own in table order.
package enum FooterView {
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ state: UIState) {
        guard !rect.isEmpty else { return }
        var groups: [[FlowText.Piece]] = []
        let prompt = state.top.page.footerPrompt(state)
        if !prompt.isEmpty { groups.append(prompt) }
        // The keys that work everywhere (quit, help, …) come first, so a narrow footer never drops `q` and `?`.
        let table = KeyMap.table(for: state)
        let ordered = table.filter { KeyMap.global.contains($0) } + table.filter { !KeyMap.global.contains($0) }
        for binding in ordered {
            guard let hint = binding.hint, let key = binding.keys.first else { continue }
            groups.append([(key.label, .key), (" " + hint, .muted)])
        }
        FlowText.draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), groups: groups)
    }
}
