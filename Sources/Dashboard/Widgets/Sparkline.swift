/// A one-row history (▁▂▃▅▇) of a window of values, newest at the right; gaps (nil) stay blank.
package enum Sparkline {
    /// Draws `values` (averaged down to `width`) scaled from 0 to `maximum` (or to their own maximum when nil).
    package static func draw(
        _ canvas: inout Canvas, x: Int, y: Int, width: Int, values: [Double?],
        maximum: Double? = nil, role: StyleRole, glyphs: GlyphSet
    ) {
        guard width > 0 else { return }
        // The values span the chart window: averaged down to the width, never cut to the newest few.
        let shown = Downsample.mean(values, to: width)
        let top = maximum ?? shown.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        var column = x + width - shown.count
        for value in shown {
            if let value, value.isFinite {
                let character = top > 0 ? glyphs.level(value / top) : glyphs.levels[0]
                canvas.put(character, x: column, y: y, role: role, clip: Rect(x: x, y: y, width: width, height: 1))
            }
            column += 1
        }
    }

    /// The sparkline as a string, for tests and one-line output.
    package static func text(_ values: [Double?], maximum: Double? = nil, glyphs: GlyphSet) -> String {
        var canvas = Canvas(size: Size(width: values.count, height: 1))
        draw(&canvas, x: 0, y: 0, width: values.count, values: values, maximum: maximum, role: .text, glyphs: glyphs)
        return canvas.line(0)
    }
}
