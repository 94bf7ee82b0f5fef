import Formatting
import ClusterModel
import Insights

/// Thousands of GPUs as a list of groups (by node or by model) with their aggregates: GPUs, VRAM used/total,
/// hottest GPU, utilization, power, tokens/s, queue and fullest KV cache. Groups open to show their GPUs;
/// the filter expression narrows the GPUs before they are grouped, and sorting orders the groups.
public enum GroupsView {
    static let columns: [TableColumn] = [
        TableColumn("group", width: 32, minWidth: 12, priority: 100, alignment: .left),
        TableColumn("GPUs", width: 5, priority: 95),
        TableColumn("VRAM GiB", width: 22, minWidth: 12, priority: 100, alignment: .left, flexible: true),
        TableColumn("util", width: 4, priority: 85),
        TableColumn("temp", width: 4, priority: 80),
        TableColumn("power", width: 6, priority: 60),
        TableColumn("tok/s", width: 6, priority: 75),
        TableColumn("queue", width: 5, priority: 55),
        TableColumn("KV", width: 4, priority: 50),
        TableColumn("types", width: 16, minWidth: 6, priority: 20, alignment: .left),
    ]

    /// The column each sort key marks.
    static let sortColumns: [GroupSortKey: Int] = [.name: 0, .gpus: 1, .vram: 2, .util: 3, .temp: 4, .power: 5, .tps: 6]

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let insight = ctx.state.insight
        let rows = InsightRows.groupRows(ctx.frame, ctx.state)
        let groupCount = rows.filter { if case .group = $0 { return true } else { return false } }.count
        let inside = rect.inset(by: 1)
        let table = Table(columns: columns, rowCount: rows.count, selected: insight.selected(.groups),
                          sortColumn: sortColumns[insight.groupSort],
                          sortDescending: insight.groupSort == .name ? insight.groupSortAscending : !insight.groupSortAscending)
        let shown = table.draw(&canvas, inside, glyphs: ctx.glyphs) { row, column in cell(rows[row], column, ctx) }
        let title = "GPU groups by \(insight.grouping.rawValue) \(groupCount)" + InsightFilter(ctx.state.filter).titleNote(ctx.state.filter)
        Box.draw(&canvas, rect, title: title, note: ctx.rowsNote(shown, of: rows.count), focused: true, glyphs: ctx.glyphs)
        if rows.isEmpty { InsightView.message(&canvas, inside, "no GPU matches") }
    }

    static func cell(_ row: GroupedRow, _ column: Int, _ ctx: ViewContext) -> TableCell {
        switch row {
        case .group(let group, let expanded): return groupCell(group, expanded: expanded, column, ctx)
        case .gpu(let gpu, _): return gpuCell(gpu, column, ctx)
        }
    }

    static func groupCell(_ group: GPUGroup, expanded: Bool, _ column: Int, _ ctx: ViewContext) -> TableCell {
        let a = ctx.absent
        switch column {
        case 0: return .text((expanded ? "▾ " : "▸ ") + ctx.clean(group.key), .accent)
        case 1: return .text(String(group.gpuCount) + (group.staleCount > 0 ? "!" : ""), group.staleCount > 0 ? .warn : .text)
        case 2:
            let label = Format.gib(group.vramUsedBytes, absent: a) + "/" + Format.gib(group.vramTotalBytes, absent: a)
            return .gauge(fraction: group.vramFraction, label: label, role: Thresholds.vram(group.maxVRAMFraction))
        case 3: return .plain(Format.percent(group.meanUtilization, absent: a))
        case 4: return .text(group.maxTemperatureC.map { Format.fixed($0, 0) + "C" } ?? a, Thresholds.temperature(group.maxTemperatureC))
        case 5: return .text(group.powerWatts.map { Format.compact($0, absent: a) + "W" } ?? a, .muted)
        case 6: return .plain(Format.compact(group.generationTokensPerSecond, absent: a))
        case 7: return .plain(Format.compact(group.waiting, absent: a))
        case 8: return .text(Format.percent(group.maxKVCacheUsage, absent: a), Thresholds.kvCache(group.maxKVCacheUsage))
        default: return .text(ctx.clean(group.gpuTypes.map(shortType).joined(separator: " ")), .muted)
        }
    }

    static func gpuCell(_ gpu: GPU, _ column: Int, _ ctx: ViewContext) -> TableCell {
        let a = ctx.absent
        switch column {
        case 0: return .text("    " + ctx.clean(gpu.id), gpu.stale ? .muted : .text)
        case 1: return .plain("")
        case 2:
            let label = Format.gib(gpu.vramUsedBytes, absent: a) + "/" + Format.gib(gpu.vramTotalBytes, absent: a)
            return .gauge(fraction: gpu.vramFraction, label: label, role: gpu.stale ? .muted : Thresholds.vram(gpu.vramFraction))
        case 3: return .plain(Format.percent(gpu.utilization, absent: a))
        case 4: return .text(gpu.temperatureC.map { Format.fixed($0, 0) + "C" } ?? a, Thresholds.temperature(gpu.temperatureC))
        case 5: return .text(gpu.powerWatts.map { Format.compact($0, absent: a) + "W" } ?? a, .muted)
        case 9: return .text(shortType(ctx.clean(gpu.modelName)), .muted)
        default: return .plain("")
        }
    }

    static func shortType(_ name: String) -> String {
        name.hasPrefix("NVIDIA ") ? String(name.dropFirst(7)) : name
    }
}
