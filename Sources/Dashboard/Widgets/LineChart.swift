import Formatting

/// A line chart drawn with the glyph set's dots (braille 2×4 per cell, half blocks 1×2, or ASCII marks),
/// with y-axis labels on the left (0, middle, top) and a time axis at the bottom (`-5m … now`).
package enum LineChart {
    /// Draws `series` into `rect`. `format` prints a y-axis value; `windowLabel` is the left time label ("-5m").
    package static func draw(
        _ canvas: inout Canvas, _ rect: Rect, series: [ChartSeries], windowLabel: String,
        glyphs: GlyphSet, format: (Double) -> String
    ) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let top = niceCeiling(series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite).max() ?? 0)
        let labels = [format(top), format(top / 2), format(0)]
        let labelWidth = min(labels.map(DisplayWidth.of).max() ?? 0, rect.width / 3)
        let plot = Rect(x: rect.x + labelWidth + 1, y: rect.y, width: rect.width - labelWidth - 1, height: rect.height - 1)
        drawAxes(&canvas, rect, plot: plot, labels: labels, labelWidth: labelWidth, windowLabel: windowLabel)
        guard !plot.isEmpty else { return }
        let (cellW, cellH) = dotsPerCell(glyphs.chart)
        var grid = DotGrid(columns: plot.width, rows: plot.height, cellWidth: cellW, cellHeight: cellH)
        for (index, line) in series.enumerated() {
            grid.plot(line.values, maximum: top, roleIndex: index)
        }
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                let bits = grid.bits[row * plot.width + column]
                guard bits != 0 else { continue }
                let role = series[Int(grid.owner[row * plot.width + column])].role
                canvas.put(character(bits, mode: glyphs.chart), x: plot.x + column, y: plot.y + row, role: role, clip: plot)
            }
        }
    }

    private static func drawAxes(
        _ canvas: inout Canvas, _ rect: Rect, plot: Rect, labels: [String], labelWidth: Int,
        windowLabel: String
    ) {
        let rows = [plot.y, plot.y + (plot.height - 1) / 2, plot.maxY - 1]
        for (i, row) in rows.enumerated() where i != 1 || plot.height >= 5 {
            let text = labels[i]
            let w = min(DisplayWidth.of(text), labelWidth)
            canvas.write(text, x: rect.x + labelWidth - w, y: row, role: .muted, maxWidth: labelWidth)
        }
        let axisRow = rect.maxY - 1
        canvas.write(windowLabel, x: plot.x, y: axisRow, role: .muted, maxWidth: plot.width)
        let now = "now"
        if plot.width >= DisplayWidth.of(windowLabel) + now.count + 1 {
            canvas.write(now, x: plot.maxX - now.count, y: axisRow, role: .muted)
        }
    }

    private static func dotsPerCell(_ mode: GlyphSet.ChartMode) -> (Int, Int) {
        switch mode {
        case .braille: return (2, 4)
        case .halfBlock: return (1, 2)
        case .ascii: return (1, 1)
        }
    }

    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    private static func character(_ bits: UInt8, mode: GlyphSet.ChartMode) -> Character {
        switch mode {
        case .braille: return Character(Unicode.Scalar(0x2800 + UInt32(bits))!)
        case .halfBlock: return bits == 3 ? "█" : (bits == 1 ? "▀" : "▄")
        case .ascii: return "*"
        }
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value`, so axis labels are round numbers.
    package static func niceCeiling(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where step * magnitude >= value { return step * magnitude }
        return 10 * magnitude
    }

    /// Dots in cell units; `bits` uses braille numbering for braille, bit 0 = top / bit 1 = bottom for half blocks.
    private struct DotGrid {
        let columns: Int, rows: Int, cellWidth: Int, cellHeight: Int
        var bits: [UInt8]
        var owner: [UInt8]

        init(columns: Int, rows: Int, cellWidth: Int, cellHeight: Int) {
            self.columns = columns
            self.rows = rows
            self.cellWidth = cellWidth
            self.cellHeight = cellHeight
            bits = Array(repeating: 0, count: columns * rows)
            owner = Array(repeating: 0, count: columns * rows)
        }

        mutating func plot(_ values: [Double?], maximum: Double, roleIndex: Int) {
            let dotsWide = columns * cellWidth
            let dotsHigh = rows * cellHeight
            guard values.count > 0, dotsWide > 0, dotsHigh > 0 else { return }
            func dotY(_ v: Double) -> Int {
                let f = min(1, max(0, v / maximum))
                return dotsHigh - 1 - Int((f * Double(dotsHigh - 1)).rounded())
            }
            // Values span the whole window, oldest first: fewer than dots are spread; more are averaged down to
            // one per dot column, so the time axis stays true either way.
            let shown = values.count > dotsWide ? Downsample.mean(values, to: dotsWide) : values
            let span = max(1, shown.count - 1)
            var previous: (x: Int, y: Int)?
            for (i, value) in shown.enumerated() {
                guard let value, value.isFinite else {
                    previous = nil
                    continue
                }
                let x = shown.count == 1 ? dotsWide - 1 : i * (dotsWide - 1) / span
                let y = dotY(value)
                if let p = previous {
                    for dx in p.x...x {
                        let t = x == p.x ? 1.0 : Double(dx - p.x) / Double(x - p.x)
                        let yi = p.y + Int((Double(y - p.y) * t).rounded())
                        let nextY = dx == x ? y : p.y + Int((Double(y - p.y) * Double(dx + 1 - p.x) / Double(x - p.x)).rounded())
                        for dy in min(yi, nextY)...max(yi, nextY) { set(dx, dy, roleIndex) }
                    }
                } else {
                    set(x, y, roleIndex)
                }
                previous = (x, y)
            }
        }

        mutating func set(_ dx: Int, _ dy: Int, _ roleIndex: Int) {
            let column = dx / cellWidth
            let row = dy / cellHeight
            guard column >= 0, column < columns, row >= 0, row < rows else { return }
            let index = row * columns + column
            switch (cellWidth, cellHeight) {
            case (2, 4): bits[index] |= LineChart.brailleBits[dx % 2][dy % 4]
            case (1, 2): bits[index] |= dy % 2 == 0 ? 1 : 2
            default: bits[index] = 1
            }
            owner[index] = UInt8(truncatingIfNeeded: roleIndex)
        }
    }
}
