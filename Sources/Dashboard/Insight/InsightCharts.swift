import ClusterModel
import Formatting

/// Boxed line charts over the chart window, laid out in a grid: the detail screens' building block.
enum InsightCharts {
    /// One chart: a title and its lines (history key, scale applied to each value, legend name).
    struct Spec {
        var title: String
        var lines: [(name: String, key: HistoryKey, scale: Double)]
        var format: (Double) -> String
    }

    /// Splits `rect` into `columns` × `rows` cells, left to right then top to bottom, sharing leftovers.
    static func grid(_ rect: Rect, columns: Int, rows: Int) -> [Rect] {
        guard columns > 0, rows > 0 else { return [] }
        var cells: [Rect] = []
        var rest = rect
        for row in 0..<rows {
            let (line, below) = rest.splitTop(rest.height / (rows - row))
            rest = below
            var remaining = line
            for column in 0..<columns {
                let (cell, right) = remaining.splitLeft(remaining.width / (columns - column))
                cells.append(cell)
                remaining = right
            }
        }
        return cells
    }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ spec: Spec, _ ctx: ViewContext) {
        let series = spec.lines.enumerated().map { index, line in
            ChartSeries(
                name: line.name, values: ctx.history(line.key).map { $0.map { $0 * line.scale } },
                role: StyleRole.series(index))
        }
        let latest = spec.lines.map { line in
            ctx.frame.history.latest(line.key).map { spec.format($0 * line.scale) } ?? ctx.absent
        }
        let legend = zip(spec.lines, latest).map { "\($0.name) \($1)" }.joined(separator: "  ")
        let inside = Box.draw(&canvas, rect, title: spec.title + "  " + legend, glyphs: ctx.glyphs)
        LineChart.draw(
            &canvas, inside, series: series, windowLabel: "-" + Format.window(seconds: ctx.state.chartWindowSeconds),
            glyphs: ctx.glyphs, format: spec.format)
    }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ specs: [Spec], columns: Int, _ ctx: ViewContext) {
        let rows = (specs.count + columns - 1) / columns
        for (spec, cell) in zip(specs, grid(rect, columns: columns, rows: rows)) { draw(&canvas, cell, spec, ctx) }
    }

    static let gib = 1_073_741_824.0

    static func percent(_ value: Double) -> String { Format.fixed(value, 0) + "%" }
    static func seconds(_ value: Double) -> String { Format.seconds(value, absent: "—") }
    static func plain(_ value: Double) -> String { Format.compact(value, absent: "—") }
}
