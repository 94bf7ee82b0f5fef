import Formatting
import ClusterModel

/// The GPUs panel: a row per GPU grouped by node (node, index, model, VRAM bar coloured by thresholds, utilization,
/// temperature, power, VRAM sparkline), scrolling past the visible rows; or, in compact mode, `GPUTiles`.
public enum GPUPanel {
    static let columns: [TableColumn] = [
        TableColumn("node", width: 14, minWidth: 6, priority: 90, alignment: .left),
        TableColumn("#", width: 2, priority: 100),
        TableColumn("model", width: 16, minWidth: 6, priority: 30, alignment: .left),
        TableColumn("VRAM GiB", width: 20, minWidth: 12, priority: 100, alignment: .left, flexible: true),
        TableColumn("util", width: 4, priority: 80),
        TableColumn("temp", width: 4, priority: 60),
        TableColumn("power", width: 5, priority: 50),
        TableColumn("VRAM history", width: 14, minWidth: 6, priority: 20, alignment: .left),
    ]

    /// Draws the panel; returns the rows shown (for click mapping).
    @discardableResult
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) -> Range<Int> {
        let gpus = ClusterQuery.gpus(ctx.snapshot, ctx.state)
        let focused = ctx.state.screen == .overview && ctx.state.focus == .gpus
        let title = "GPUs " + String(gpus.count) + (ctx.state.compact ? " · compact" : "")
        if ctx.state.compact {
            let inside = Box.draw(&canvas, rect, title: title, focused: focused, glyphs: ctx.glyphs)
            return GPUTiles.draw(&canvas, inside, gpus: gpus, ctx: ctx, focused: focused)
        }
        let inside = rect.inset(by: 1)
        let sort = ctx.state.sorting(.gpus)
        let table = Table(columns: columns, rowCount: gpus.count, selected: ctx.state.selected(.gpus),
                          sortColumn: [0, 3, 4, 5, 6][sort.column], sortDescending: sort.descending,
                          emptyText: emptyText(ctx, what: "GPUs"))
        let shown = table.draw(&canvas, inside, glyphs: ctx.glyphs, focused: focused) { row, column in
            cell(gpus, row, column, grouped: sort.column == 0, ctx)
        }
        Box.draw(&canvas, rect, title: title, note: ctx.rowsNote(shown, of: gpus.count), focused: focused, glyphs: ctx.glyphs)
        return shown
    }

    /// Why a list is empty: no data yet, a filter that matches nothing, or a source that reports none.
    static func emptyText(_ ctx: ViewContext, what: String) -> String {
        if ctx.snapshot.timeMs == 0 { return "waiting for the first scrape" }
        if !ctx.state.filter.isEmpty { return "no \(what) match the filter '\(ctx.state.filter)' (Esc clears it)" }
        return "no \(what) reported by the sources"
    }

    static func cell(_ gpus: [GPU], _ row: Int, _ column: Int, grouped: Bool, _ ctx: ViewContext) -> TableCell {
        let gpu = gpus[row], a = ctx.absent
        let textRole: StyleRole = gpu.stale ? .muted : .text
        switch column {
        case 0:
            let sameNode = grouped && row > 0 && gpus[row - 1].node == gpu.node
            return .text(sameNode ? "" : ctx.clean(gpu.node), .accent)
        case 1: return .text(String(gpu.index), textRole)
        case 2:
            let full = ctx.clean(gpu.modelName)
            let name = full.hasPrefix("NVIDIA ") ? String(full.dropFirst(7)) : full
            return .text(gpu.migProfile.map { name + " " + TextSanitizer.clean($0) } ?? name, gpu.stale ? .muted : .text)
        case 3:
            let label = Format.gib(gpu.vramUsedBytes, absent: a) + "/" + Format.gib(gpu.vramTotalBytes, absent: a)
            return .gauge(fraction: gpu.vramFraction, label: label, role: gpu.stale ? .muted : Thresholds.vram(gpu.vramFraction))
        case 4: return .text(Format.percent(gpu.utilization, absent: a), textRole)
        case 5: return .text(gpu.temperatureC.map { Format.fixed($0, 0) + "C" } ?? a, Thresholds.temperature(gpu.temperatureC))
        case 6: return .text(gpu.powerWatts.map { Format.fixed($0, 0) + "W" } ?? a,
                             Thresholds.power(gpu.powerWatts, limit: gpu.powerLimitWatts))
        default:
            return .sparkline(values: ctx.history(.gpu(gpu.id, .vramFraction)), maximum: 1, role: Thresholds.vram(gpu.vramFraction))
        }
    }
}
