import Formatting

/// Shown instead of the dashboard below its minimum size: "terminal too small: have W×H, need W×H", wrapped to fit.
package enum TooSmallView {
    package static func draw(_ canvas: inout Canvas, need: Size, glyphs: GlyphSet) {
        let times = glyphs.name == "ascii" ? "x" : "×"
        let have = "have \(canvas.width)\(times)\(canvas.height)"
        let needText = "need \(need.width)\(times)\(need.height)"
        let oneLine = "terminal too small: " + have + ", " + needText
        let lines = DisplayWidth.of(oneLine) <= canvas.width ? [oneLine] : ["terminal too small", have, needText]
        let top = max(0, (canvas.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (canvas.width - DisplayWidth.of(line)) / 2)
            canvas.write(line, x: x, y: top + i, role: i == 0 ? .warn : .text, maxWidth: canvas.width)
        }
    }
}
