/// A horizontal bar showing a fraction, with its label written inside the bar (`███ 41.2/80G ···`). The bar's
/// role carries the meaning (ok, warn, critical); an unknown fraction draws only the label, muted.
public enum BarGauge {
    public static func draw(_ canvas: inout Canvas, x: Int, y: Int, width: Int, fraction: Double?, label: String,
                            role: StyleRole, glyphs: GlyphSet) {
        guard width > 0 else { return }
        let clip = Rect(x: x, y: y, width: width, height: 1)
        canvas.fill(clip, with: glyphs.barEmpty, role: .gaugeEmpty)
        var filledColumns = 0
        if let fraction, fraction.isFinite {
            let eighths = Int((min(1, max(0, fraction)) * Double(width * 8)).rounded())
            filledColumns = eighths / 8
            canvas.fill(Rect(x: x, y: y, width: filledColumns, height: 1), with: glyphs.barFull, role: role)
            let remainder = eighths % 8
            if remainder > 0, filledColumns < width, !glyphs.barPartials.isEmpty {
                canvas.put(glyphs.barPartials[remainder - 1], x: x + filledColumns, y: y, role: role, clip: clip)
            }
        }
        let text = fraction == nil ? label : " " + label + " "
        let textWidth = min(CharacterWidth.of(text), width)
        guard textWidth > 0 else { return }
        let start = x + (width - textWidth) / 2
        var column = start
        for character in text {
            let w = CharacterWidth.of(character)
            if column + w > start + textWidth { break }
            let labelRole: StyleRole = fraction == nil ? .muted : (column < x + filledColumns ? role : .text)
            canvas.put(character, x: column, y: y, role: labelRole, clip: clip)
            column += w
        }
    }
}
