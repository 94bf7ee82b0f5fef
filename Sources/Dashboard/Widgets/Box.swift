import Formatting

/// A bordered box with a title in its top edge and an optional note in its bottom edge (e.g. "1–20 of 64").
package enum Box {
    /// Draws the box and returns its interior. A rectangle under 2×2 cells draws nothing and has no interior.
    @discardableResult
    package static func draw(
        _ canvas: inout Canvas, _ rect: Rect, title: String, note: String? = nil,
        focused: Bool = false, glyphs: GlyphSet
    ) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let role: StyleRole = focused ? .accent : .border
        canvas.fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: glyphs.horizontal, role: role)
        canvas.fill(
            Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1),
            with: glyphs.horizontal, role: role)
        canvas.fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), with: glyphs.vertical, role: role)
        canvas.fill(
            Rect(x: rect.maxX - 1, y: rect.y + 1, width: 1, height: rect.height - 2),
            with: glyphs.vertical, role: role)
        canvas.put(glyphs.topLeft, x: rect.x, y: rect.y, role: role)
        canvas.put(glyphs.topRight, x: rect.maxX - 1, y: rect.y, role: role)
        canvas.put(glyphs.bottomLeft, x: rect.x, y: rect.maxY - 1, role: role)
        canvas.put(glyphs.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, role: role)
        let room = rect.width - 4
        if room > 0, !title.isEmpty {
            canvas.write(" " + title + " ", x: rect.x + 1, y: rect.y, role: focused ? .accent : .title, maxWidth: room + 2)
        }
        if let note, room > 0 {
            let text = " " + note + " "
            let width = min(DisplayWidth.of(text), room + 2)
            canvas.write(text, x: rect.maxX - 1 - width, y: rect.maxY - 1, role: .muted, maxWidth: width)
        }
        return rect.inset(by: 1)
    }
}
