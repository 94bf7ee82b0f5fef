import ClusterModel
import Formatting
import Insights

/// GPU types side by side: count, mean VRAM use and utilization, tokens/s per GPU and per watt, TTFT p95;
/// under each type, the models served on it, so the same model on two types is compared directly.
package enum GPUTypesView {
    typealias Row = GPUTypeComparison.Row

    static let columns: [Column<Row>] = [
        Column("GPU type / model", .name(minimum: 14, maximum: 48, kind: .gpuModel), priority: 100) { rows, i, ctx in
            rows[i].model == nil ? .text(ctx.clean(rows[i].gpuType), .title) : .plain("  " + ctx.clean(rows[i].model))
        },
        Column("GPUs", .number, priority: 90) { rows, i, _ in .plain(String(rows[i].gpuCount)) },
        Column("inst", .number, priority: 50) { rows, i, _ in .text(String(rows[i].instanceCount), .muted) },
        Column("VRAM", .number, priority: 80) { rows, i, ctx in
            .text(Format.percent(rows[i].meanVRAMFraction, absent: ctx.absent), ctx.thresholds.vram(rows[i].meanVRAMFraction))
        },
        Column("util", .number, priority: 60) { rows, i, ctx in
            .plain(Format.percent(rows[i].meanUtilization, absent: ctx.absent))
        },
        Column("power", .number, priority: 40) { rows, i, ctx in
            .text(Format.watts(rows[i].powerWatts, absent: ctx.absent), .muted)
        },
        Column("tok/s/GPU", .number, priority: 100) { rows, i, ctx in
            .text(Format.compact(rows[i].tokensPerSecondPerGPU, absent: ctx.absent), rows[i].model == nil ? .accent : .text)
        },
        Column("tok/s/W", .number, priority: 95) { rows, i, ctx in
            .text(rows[i].tokensPerWatt.map { Format.fixed($0, 2) } ?? ctx.absent, rows[i].model == nil ? .accent : .text)
        },
        Column("TTFT p95", .number, priority: 85) { rows, i, ctx in
            let mark = rows[i].ttftP95Interpolated && rows[i].ttftP95 != nil ? Quantiles.interpolatedMark : ""
            return .plain(mark + Format.seconds(rows[i].ttftP95, absent: ctx.absent))
        },
        // Tokens per GPU against the best row's, so types are compared at a glance; it takes the width left over.
        Column("tok/s per GPU, of the best", .bar(preferred: 30), priority: 20) { rows, i, _ in
            let best = rows.compactMap(\.tokensPerSecondPerGPU).max() ?? 0
            let fraction = rows[i].tokensPerSecondPerGPU.map { best > 0 ? $0 / best : 0 }
            return .gauge(
                fraction: fraction, label: Format.percent(fraction, absent: ""), role: rows[i].model == nil ? .accent : .series1)
        },
    ]

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let rows = GPUTypeComparison.build(ctx.snapshot).rows
        let selected = ctx.state.insight.selected(.gpuTypes)
        let inside = rect.inset(by: 1)
        let shown = Table(columns: columns, rows: rows, selected: selected).draw(&canvas, inside, ctx)
        Box.draw(
            &canvas, rect, title: "GPU types \(rows.filter { $0.model == nil }.count) · model rows: Enter for batching",
            note: ctx.rowsNote(shown, of: rows.count), focused: true, glyphs: ctx.glyphs)
        if rows.isEmpty { InsightView.message(&canvas, inside, "no GPU reported") }
    }
}
