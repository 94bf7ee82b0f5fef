import Formatting

/// Writes short styled pieces left to right, wrapping to the next row of its rectangle when a group does not fit.
/// Used by the header's totals and the footer's key hints. A group (e.g. "VRAM" + "812/1280 GiB") never splits.
package enum FlowText {
    /// One run of text in one role.
    package typealias Piece = (text: String, role: StyleRole)

    /// Draws `groups` into `rect` separated by `gap` columns; returns how many groups were drawn.
    @discardableResult
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, groups: [[Piece]], gap: Int = 2) -> Int {
        guard !rect.isEmpty else { return 0 }
        var x = rect.x
        var y = rect.y
        var drawn = 0
        for group in groups {
            let width = group.reduce(0) { $0 + DisplayWidth.of($1.text) }
            if x > rect.x && x + width > rect.maxX {
                y += 1
                x = rect.x
            }
            guard y < rect.maxY else { break }
            for piece in group {
                x += canvas.write(piece.text, x: x, y: y, role: piece.role, maxWidth: rect.maxX - x)
            }
            x += gap
            drawn += 1
        }
        return drawn
    }
}
