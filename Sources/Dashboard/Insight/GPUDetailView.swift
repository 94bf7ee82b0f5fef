import ClusterModel
import Formatting
import Insights

/// One GPU: its figures now, VRAM, utilization, temperature and power over the chart window, its MIG
/// slices, and the engine instances that live on it (Enter opens one).
package enum GPUDetailView {
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, id: String) {
        guard let gpu = ctx.snapshot.gpu(id: id) else {
            InsightView.message(&canvas, rect, "GPU \(TextSanitizer.clean(id)) is not in this frame")
            return
        }
        let a = ctx.absent
        let (info, rest) = rect.splitTop(2)
        let power = Format.watts(gpu.powerWatts, absent: a) + " of " + Format.watts(gpu.powerLimitWatts, absent: a)
        let slices = ctx.snapshot.gpus.filter { $0.id != gpu.id && $0.migProfile != nil && $0.uuid != nil && $0.uuid == gpu.uuid }
        var groups: [[FlowText.Piece]] = [
            [(ctx.clean(gpu.modelName), .title)], [("node ", .muted), (ctx.clean(gpu.node), .accent)],
            [("index ", .muted), (String(gpu.index), .text)],
            [
                ("VRAM ", .muted),
                (
                    Format.gib(gpu.vramUsedBytes, absent: a) + "/" + Format.gib(gpu.vramTotalBytes, absent: a) + " GiB "
                        + Format.percent(gpu.vramFraction, absent: a), ctx.thresholds.vram(gpu.vramFraction)
                ),
            ],
            [("util ", .muted), (Format.percent(gpu.utilization, absent: a), .text)],
            [("temp ", .muted), (Format.celsius(gpu.temperatureC, absent: a), ctx.thresholds.temperature(gpu.temperatureC))],
            [("power ", .muted), (power, ctx.thresholds.power(gpu.powerWatts, limit: gpu.powerLimitWatts))],
            [("SM ", .muted), (gpu.smClockMHz.map { Format.fixed($0, 0) + " MHz" } ?? a, .text)],
            [("mem ", .muted), (gpu.memClockMHz.map { Format.fixed($0, 0) + " MHz" } ?? a, .text)],
            [("UUID ", .muted), (ctx.clean(gpu.uuid), .muted)],
        ]
        if let profile = gpu.migProfile { groups.append([("MIG ", .muted), (ctx.clean(profile), .accent)]) }
        if !slices.isEmpty {
            groups.append([("MIG slices ", .muted), (slices.map { ctx.clean($0.migProfile) }.joined(separator: " "), .accent)])
        }
        if gpu.stale { groups.append([("stale: its exporter stopped reporting it", .warn)]) }
        FlowText.draw(&canvas, info, groups: groups)
        let instances = gpu.instanceIDs.compactMap { ctx.snapshot.instance(id: $0) }
        let tableHeight = min(rest.height / 3, instances.count + 3)
        let (charts, table) = rest.splitBottom(max(3, tableHeight))
        InsightCharts.draw(
            &canvas, charts,
            [
                .init(
                    title: "VRAM GiB", lines: [("used", .gpu(id, .vramUsed), 1 / InsightCharts.gib)], format: InsightCharts.plain),
                .init(title: "utilization", lines: [("util", .gpu(id, .utilization), 100)], format: InsightCharts.percent),
                .init(title: "temperature °C", lines: [("temp", .gpu(id, .temperature), 1)], format: InsightCharts.plain),
                .init(title: "power W", lines: [("power", .gpu(id, .power), 1)], format: InsightCharts.plain),
            ], columns: charts.width >= 120 ? 4 : 2, ctx)
        let selected = ctx.state.insight.selected(.gpu(id))
        let inside = table.inset(by: 1)
        Table(columns: InstanceDetailView.summaryColumns, rows: instances, selected: selected).draw(&canvas, inside, ctx)
        Box.draw(&canvas, table, title: instancesTitle(gpu, instances, ctx), focused: true, glyphs: ctx.glyphs)
        if instances.isEmpty { InsightView.message(&canvas, inside, "no engine instance is joined to this GPU") }
    }

    /// Engine pages do not say which GPU they use, so unless the configuration or DCGM's pod labels map them,
    /// every instance of a node is joined to all its GPUs: the title then says "on its node" rather than claim
    /// each uses this GPU.
    static func instancesTitle(_ gpu: GPU, _ instances: [EngineInstance], _ ctx: ViewContext) -> String {
        let byNode = !instances.isEmpty && instances.allSatisfy { $0.gpuJoin == .node && $0.gpuIDs.count > 1 }
        let place = byNode ? "on its node " + ctx.clean(gpu.node) + " (joined by node)" : "on this GPU"
        return "engine instances " + place + " " + String(instances.count)
    }
}
