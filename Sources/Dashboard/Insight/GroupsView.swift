import ClusterModel
import Formatting
import Insights

/// Thousands of GPUs as a list of groups (by node or by model) with their aggregates: GPUs, VRAM used/total,
/// hottest GPU, utilization, power, tokens/s, queue and fullest KV cache. Groups open to show their GPUs;
/// the filter expression narrows the GPUs before they are grouped, and sorting orders the groups.
package enum GroupsView {
    static let columns: [Column<GroupedRow>] = [
        Column("group", .name(minimum: 12, maximum: 40, kind: .node), priority: 100) { rows, i, ctx in
            switch rows[i] {
            case .group(let group, let expanded): return .text((expanded ? "▾ " : "▸ ") + ctx.clean(group.key), .accent)
            case .gpu(let gpu, _): return .text("    " + ctx.clean(gpu.id), gpu.stale ? .muted : .text)
            }
        },
        Column("GPUs", .number, priority: 95) { rows, i, _ in
            guard case .group(let group, _) = rows[i] else { return .plain("") }
            return .text(String(group.gpuCount) + (group.staleCount > 0 ? "!" : ""), group.staleCount > 0 ? .warn : .text)
        },
        Column("VRAM GiB", .bar(preferred: 24), priority: 100) { rows, i, ctx in
            switch rows[i] {
            case .group(let group, _):
                let label =
                    Format.gib(group.vramUsedBytes, absent: ctx.absent) + "/"
                    + Format.gib(group.vramTotalBytes, absent: ctx.absent)
                return .gauge(fraction: group.vramFraction, label: label, role: ctx.thresholds.vram(group.maxVRAMFraction))
            case .gpu(let gpu, _):
                let label =
                    Format.gib(gpu.vramUsedBytes, absent: ctx.absent) + "/" + Format.gib(gpu.vramTotalBytes, absent: ctx.absent)
                return .gauge(
                    fraction: gpu.vramFraction, label: label, role: gpu.stale ? .muted : ctx.thresholds.vram(gpu.vramFraction))
            }
        },
        Column("util", .number, priority: 85) { rows, i, ctx in
            switch rows[i] {
            case .group(let group, _): return .plain(Format.percent(group.meanUtilization, absent: ctx.absent))
            case .gpu(let gpu, _): return .plain(Format.percent(gpu.utilization, absent: ctx.absent))
            }
        },
        Column("temp", .number, priority: 80) { rows, i, ctx in
            let celsius: Double?
            switch rows[i] {
            case .group(let group, _): celsius = group.maxTemperatureC
            case .gpu(let gpu, _): celsius = gpu.temperatureC
            }
            return .text(Format.celsius(celsius, absent: ctx.absent), ctx.thresholds.temperature(celsius))
        },
        Column("power", .number, priority: 60) { rows, i, ctx in
            switch rows[i] {
            case .group(let group, _): return .text(Format.watts(group.powerWatts, absent: ctx.absent), .muted)
            case .gpu(let gpu, _): return .text(Format.watts(gpu.powerWatts, absent: ctx.absent), .muted)
            }
        },
        Column("tok/s", .number, priority: 75) { rows, i, ctx in
            guard case .group(let group, _) = rows[i] else { return .plain("") }
            return .plain(Format.compact(group.generationTokensPerSecond, absent: ctx.absent))
        },
        Column("queue", .number, priority: 55) { rows, i, ctx in
            guard case .group(let group, _) = rows[i] else { return .plain("") }
            return .plain(Format.compact(group.waiting, absent: ctx.absent))
        },
        Column("KV", .number, priority: 50) { rows, i, ctx in
            guard case .group(let group, _) = rows[i] else { return .plain("") }
            return .text(Format.percent(group.maxKVCacheUsage, absent: ctx.absent), ctx.thresholds.kvCache(group.maxKVCacheUsage))
        },
        Column("types", .name(minimum: 6, maximum: 30, kind: .gpuModel), priority: 20) { rows, i, ctx in
            switch rows[i] {
            case .group(let group, _):
                return .text(ctx.clean(group.gpuTypes.map(DisplayName.gpuModel).joined(separator: " ")), .muted)
            case .gpu(let gpu, _): return .text(DisplayName.gpuModel(ctx.clean(gpu.modelName)), .muted)
            }
        },
    ]

    /// The column each sort key marks.
    static let sortColumns: [GroupSortKey: Int] = [.name: 0, .gpus: 1, .vram: 2, .util: 3, .temp: 4, .power: 5, .tps: 6]

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let insight = ctx.state.insight
        let rows = InsightRows.groupRows(ctx.frame, ctx.state)
        let groupCount = rows.filter { if case .group = $0 { return true } else { return false } }.count
        let inside = rect.inset(by: 1)
        let descending = insight.groupSort == .name ? insight.groupSortAscending : !insight.groupSortAscending
        let table = Table(
            columns: columns, rows: rows, selected: insight.selected(.groups),
            sort: sortColumns[insight.groupSort].map { ($0, descending) })
        let shown = table.draw(&canvas, inside, ctx)
        let title =
            "GPU groups by \(insight.grouping.rawValue) \(groupCount)"
            + InsightFilter(ctx.state.filter).titleNote(ctx.state.filter)
        Box.draw(&canvas, rect, title: title, note: ctx.rowsNote(shown, of: rows.count), focused: true, glyphs: ctx.glyphs)
        if rows.isEmpty { InsightView.message(&canvas, inside, "no GPU matches") }
    }
}
