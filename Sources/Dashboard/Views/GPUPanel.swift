import ClusterModel
import Formatting
import Insights

/// The GPUs panel: a row per GPU grouped by node (node, index, model, the instance using it, VRAM bar coloured by thresholds, utilization,
/// temperature, power, and the VRAM, utilization and temperature histories where there is room, as nvtop and btop
/// show them), scrolling past the visible rows; or, in compact mode, `GPUTiles`.
package enum GPUPanel {
    package static let columns: [Column<GPU>] = [
        Column("node", .name(minimum: 6, maximum: 24, kind: .node), priority: 90, sort: .text { $0.node }) { gpus, i, ctx in
            // Sorted by node, a node's name is written once, on its first GPU.
            let grouped = ctx.state.sorting(.gpus).column == 0 && i > 0 && gpus[i - 1].node == gpus[i].node
            return .text(grouped ? "" : ctx.clean(gpus[i].node), .accent)
        },
        Column("#", .number, priority: 100) { gpus, i, _ in .text(String(gpus[i].index), role(gpus[i])) },
        Column(
            "model", .name(minimum: 4, maximum: 16, kind: .gpuModel), priority: 30,
            sort: .text { $0.modelName ?? "" }
        ) { gpus, i, ctx in
            let gpu = gpus[i]
            let name = ctx.clean(gpu.modelName.map(DisplayName.gpuModel))
            return .text(gpu.migProfile.map { name + " " + TextSanitizer.clean($0) } ?? name, role(gpu))
        },
        Column("used by", .name(minimum: 6, maximum: 24, kind: .node), priority: 45, hidesWhenEmpty: true) { gpus, i, ctx in
            GPUUse.usedBy(gpus[i], ctx)
        },
        Column("VRAM GiB", .bar(preferred: 24), priority: 100, sort: .number { $0.vramFraction }) { gpus, i, ctx in
            let gpu = gpus[i]
            let label =
                Format.gib(gpu.vramUsedBytes, absent: ctx.absent) + "/" + Format.gib(gpu.vramTotalBytes, absent: ctx.absent)
            return .gauge(
                fraction: gpu.vramFraction, label: label, role: gpu.stale ? .muted : ctx.thresholds.vram(gpu.vramFraction))
        },
        Column("util", .number, priority: 80, sort: .number { $0.utilization }) { gpus, i, ctx in
            .text(Format.percent(gpus[i].utilization, absent: ctx.absent), role(gpus[i]))
        },
        Column("temp", .number, priority: 60, sort: .number { $0.temperatureC }) { gpus, i, ctx in
            .text(Format.celsius(gpus[i].temperatureC, absent: ctx.absent), ctx.thresholds.temperature(gpus[i].temperatureC))
        },
        Column("power", .number, priority: 50, sort: .number { $0.powerWatts }) { gpus, i, ctx in
            .text(
                Format.watts(gpus[i].powerWatts, absent: ctx.absent),
                ctx.thresholds.power(gpus[i].powerWatts, limit: gpus[i].powerLimitWatts))
        },
        Column("VRAM history", short: "VRAM hist", .sparkline(minimum: 9, preferred: 14), priority: 20) { gpus, i, ctx in
            .sparkline(.gpu(gpus[i].id, .vramFraction), maximum: 1, role: ctx.thresholds.vram(gpus[i].vramFraction))
        },
        Column("util history", short: "util hist", .sparkline(minimum: 9, preferred: 12), priority: 15) { gpus, i, ctx in
            .sparkline(.gpu(gpus[i].id, .utilization), maximum: 1, role: .series(0))
        },
        Column("temp history", short: "temp hist", .sparkline(minimum: 9, preferred: 12), priority: 10) { gpus, i, ctx in
            .sparkline(
                .gpu(gpus[i].id, .temperature), maximum: 100, role: ctx.thresholds.temperature(gpus[i].temperatureC))
        },
    ]

    /// Draws the panel; returns the rows shown (for click mapping).
    @discardableResult
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) -> Range<Int> {
        let gpus = ClusterQuery.gpus(ctx.snapshot, ctx.state)
        let focused = ctx.state.screen == .overview && ctx.state.focus == .gpus
        let title = "GPUs " + String(gpus.count) + (ctx.state.compact ? " · compact" : "")
        if ctx.state.compact {
            let inside = Box.draw(&canvas, rect, title: title, focused: focused, glyphs: ctx.glyphs)
            return GPUTiles.draw(&canvas, inside, gpus: gpus, ctx: ctx, focused: focused)
        }
        let sort = ctx.state.sorting(.gpus)
        let table = Table(
            columns: columns, rows: gpus, selected: ctx.state.selected(.gpus),
            sort: (sort.column, sort.descending), emptyText: emptyText(ctx, what: "GPUs"))
        let shown = table.draw(&canvas, rect.inset(by: 1), ctx, focused: focused)
        Box.draw(&canvas, rect, title: title, note: ctx.rowsNote(shown, of: gpus.count), focused: focused, glyphs: ctx.glyphs)
        return shown
    }

    /// Why a list is empty: no data yet, a filter that matches nothing, or a source that reports none.
    static func emptyText(_ ctx: ViewContext, what: String) -> String {
        if ctx.snapshot.timeMs == 0 { return "waiting for the first scrape" }
        if !ctx.state.filter.isEmpty { return "no \(what) match the filter '\(ctx.state.filter)' (Esc clears it)" }
        return "no \(what) reported by the sources"
    }

    /// A stale GPU (its exporter stopped reporting it) is muted.
    private static func role(_ gpu: GPU) -> StyleRole { gpu.stale ? .muted : .text }
}
