import ClusterModel
import Formatting

/// The cluster charts over the chosen window: tokens/s (generation, prompt), queue (waiting, running) and TTFT
/// p95 (merged buckets). Side by side when wide, stacked when tall, as many as fit otherwise.
package enum ChartsPanel {
    struct Chart {
        var title: String
        var series: [(name: String, key: HistoryKey.ClusterSeries)]
        var format: @Sendable (Double) -> String
    }

    static let charts: [Chart] = [
        Chart(
            title: "tokens/s", series: [("gen", .generationTPS), ("prompt", .promptTPS)],
            format: { Format.compact($0, absent: "") }),
        Chart(
            title: "queue", series: [("waiting", .waiting), ("running", .running)],
            format: { Format.compact($0, absent: "") }),
        Chart(title: "TTFT p95", series: [("p95", .ttftP95)], format: { Format.seconds($0, absent: "") }),
    ]

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        guard rect.width >= 20, rect.height >= 5 else { return }
        let focused = ctx.state.screen == .overview && ctx.state.focus == .charts
        let sideBySide = rect.width >= 90 || rect.height < 15
        let count = sideBySide ? min(charts.count, rect.width / 30) : min(charts.count, rect.height / 5)
        guard count > 0 else { return }
        var remaining = rect
        var roleIndex = 0
        for (n, chart) in charts.prefix(count).enumerated() {
            let left = count - n
            let part: Rect
            if sideBySide {
                (part, remaining) = remaining.splitLeft(remaining.width / left)
            } else {
                (part, remaining) = remaining.splitTop(remaining.height / left)
            }
            let series = chart.series.map { s -> ChartSeries in
                defer { roleIndex += 1 }
                return ChartSeries(name: s.name, values: ctx.history(.cluster(s.key)), role: StyleRole.series(roleIndex))
            }
            let title =
                chart.title + (interpolated(chart, ctx) ? " interpolated" : "") + " · "
                + Format.window(seconds: ctx.state.chartWindowSeconds)
            let inside = Box.draw(&canvas, part, title: title, focused: focused, glyphs: ctx.glyphs)
            drawLegend(&canvas, part, after: title, series: series)
            LineChart.draw(
                &canvas, inside, series: series, windowLabel: "-" + Format.window(seconds: ctx.state.chartWindowSeconds),
                glyphs: ctx.glyphs, format: chart.format)
        }
    }

    /// Whether the chart's newest value is a quantile of engines whose buckets differ, interpolated from their
    /// mixture (`Quantiles.interpolated`).
    private static func interpolated(_ chart: Chart, _ ctx: ViewContext) -> Bool {
        chart.series.contains { $0.key == .ttftP95 } && ctx.snapshot.totals.ttft.interpolated
    }

    /// The series names, in their own roles, on the top border after the title.
    private static func drawLegend(_ canvas: inout Canvas, _ rect: Rect, after title: String, series: [ChartSeries]) {
        var x = rect.x + DisplayWidth.of(title) + 4
        for s in series {
            guard x + s.name.count + 2 < rect.maxX - 1 else { return }
            x += canvas.write(" " + s.name + " ", x: x, y: rect.y, role: s.role, maxWidth: rect.maxX - 1 - x)
        }
    }
}
