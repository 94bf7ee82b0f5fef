import Formatting

/// A horizontal bar showing a fraction with its label inside the gauge's cell, right of the bar
/// (`██████▍···· 41.2/80.0`), so the length reads true in plain text too. The bar's role carries the meaning
/// (ok, warn, critical); an unknown fraction draws only the label, muted.
package enum BarGauge {
    package static func draw(
        _ canvas: inout Canvas, x: Int, y: Int, width: Int, fraction: Double?, label: String,
        role: StyleRole, glyphs: GlyphSet
    ) {
        guard width > 0 else { return }
        let labelWidth = DisplayWidth.of(label)
        guard let fraction, fraction.isFinite else {
            TableText.writeAligned(&canvas, label, x: x, y: y, width: width, alignment: .right, role: .muted, glyphs: glyphs)
            return
        }
        // The label needs its width plus a gap, and the bar at least 3 cells; otherwise the bar alone is drawn.
        let barWidth = labelWidth + 4 <= width ? width - labelWidth - 1 : width
        let clip = Rect(x: x, y: y, width: barWidth, height: 1)
        canvas.fill(clip, with: glyphs.barEmpty, role: .gaugeEmpty)
        let eighths = Int((min(1, max(0, fraction)) * Double(barWidth * 8)).rounded())
        let full = eighths / 8
        canvas.fill(Rect(x: x, y: y, width: full, height: 1), with: glyphs.barFull, role: role)
        if eighths % 8 > 0, full < barWidth {
            let partial = glyphs.barPartials.isEmpty ? glyphs.barFull : glyphs.barPartials[eighths % 8 - 1]
            if !glyphs.barPartials.isEmpty || eighths % 8 >= 4 { canvas.put(partial, x: x + full, y: y, role: role, clip: clip) }
        }
        if barWidth < width {
            canvas.write(label, x: x + width - labelWidth, y: y, role: role == .ok ? .text : role, maxWidth: labelWidth)
        }
    }
}
