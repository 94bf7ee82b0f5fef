import Formatting
import ClusterModel
import Insights

/// GPU types side by side: count, mean VRAM use and utilization, tokens/s per GPU and per watt, TTFT p95;
/// under each type, the models served on it, so the same model on two types is compared directly.
public enum GPUTypesView {
    static let columns: [TableColumn] = [
        TableColumn("GPU type / model", width: 34, minWidth: 14, priority: 100, alignment: .left, flexible: true),
        TableColumn("GPUs", width: 5, priority: 90),
        TableColumn("inst", width: 4, priority: 50),
        TableColumn("VRAM", width: 5, priority: 80),
        TableColumn("util", width: 5, priority: 60),
        TableColumn("power", width: 7, priority: 40),
        TableColumn("tok/s/GPU", width: 9, priority: 100),
        TableColumn("tok/s/W", width: 7, priority: 95),
        TableColumn("TTFT p95", width: 8, priority: 85),
    ]

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let rows = GPUTypeComparison.build(ctx.snapshot).rows
        let selected = ctx.state.insight.selected(.gpuTypes)
        let inside = rect.inset(by: 1)
        let shown = Table(columns: columns, rowCount: rows.count, selected: selected).draw(&canvas, inside, glyphs: ctx.glyphs) { row, column in
            cell(rows[row], column, ctx)
        }
        Box.draw(&canvas, rect, title: "GPU types \(rows.filter { $0.model == nil }.count) · model rows: Enter for batching",
                 note: ctx.rowsNote(shown, of: rows.count), focused: true, glyphs: ctx.glyphs)
        if rows.isEmpty { InsightView.message(&canvas, inside, "no GPU reported") }
    }

    static func cell(_ row: GPUTypeComparison.Row, _ column: Int, _ ctx: ViewContext) -> TableCell {
        let a = ctx.absent, isType = row.model == nil
        switch column {
        case 0: return isType ? .text(ctx.clean(row.gpuType), .title) : .plain("  " + ctx.clean(row.model))
        case 1: return .plain(String(row.gpuCount))
        case 2: return .text(String(row.instanceCount), .muted)
        case 3: return .text(Format.percent(row.meanVRAMFraction, absent: a), Thresholds.vram(row.meanVRAMFraction))
        case 4: return .plain(Format.percent(row.meanUtilization, absent: a))
        case 5: return .text(row.powerWatts.map { Format.compact($0, absent: a) + "W" } ?? a, .muted)
        case 6: return .text(Format.compact(row.tokensPerSecondPerGPU, absent: a), isType ? .accent : .text)
        case 7: return .text(row.tokensPerWatt.map { Format.fixed($0, 2) } ?? a, isType ? .accent : .text)
        default: return .plain(Format.seconds(row.ttftP95, absent: a))
        }
    }
}
