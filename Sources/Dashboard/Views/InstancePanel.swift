import ClusterModel
import Formatting
import Insights

/// The engine instances panel: engine, model, node, state, running (batch) and waiting (queue), KV-cache use,
/// TTFT p50/p95, ITL p50 (or a mean, marked μ), prompt and generation tokens/s, preemptions/s and errors/s.
package enum InstancePanel {
    package static let columns: [Column<EngineInstance>] = [
        Column(
            "engine", .name(minimum: 6, maximum: 10, kind: .plain), priority: 60,
            sort: .text { $0.engine.label }
        ) { rows, i, _ in .text(rows[i].engine.label, .muted) },
        Column(
            "model", .name(minimum: 6, maximum: 40, kind: .model), priority: 90,
            sort: .text { $0.model ?? "" }
        ) { rows, i, ctx in .text(ctx.clean(rows[i].model), .text) },
        Column(
            "node", .name(minimum: 5, maximum: 24, kind: .node), priority: 70,
            sort: .text { $0.node ?? "" }
        ) { rows, i, ctx in .text(ctx.clean(rows[i].node), .accent) },
        Column(
            "state", .name(minimum: 5, maximum: 11, kind: .plain), priority: 100,
            sort: .text { $0.state.label }
        ) { rows, i, _ in .text(rows[i].state.label, stateRole(rows[i].state)) },
        Column("run", .number, priority: 95, sort: .number { $0.running }) { rows, i, ctx in
            .text(Format.compact(rows[i].running, absent: ctx.absent), .text)
        },
        Column("wait", .number, priority: 95, sort: .number { $0.waiting }) { rows, i, ctx in
            .text(
                Format.compact(rows[i].waiting, absent: ctx.absent),
                ctx.thresholds.queue(waiting: rows[i].waiting, running: rows[i].running))
        },
        Column("KV", .number, priority: 85, sort: .number { $0.kvCacheUsage }) { rows, i, ctx in
            .text(Format.percent(rows[i].kvCacheUsage, absent: ctx.absent), ctx.thresholds.kvCache(rows[i].kvCacheUsage))
        },
        Column("TTFT50", .number, priority: 50, sort: .number { $0.ttft.p50 }) { rows, i, ctx in
            .text(Format.seconds(rows[i].ttft.p50, absent: ctx.absent), .text)
        },
        Column("TTFT95", .number, priority: 80, sort: .number { $0.ttft.p95 }) { rows, i, ctx in
            .text(Format.seconds(rows[i].ttft.p95, absent: ctx.absent), .text)
        },
        Column("ITL50", .number, priority: 55, sort: .number { $0.interTokenLatency?.seconds }) { rows, i, ctx in
            .text(LatencyFigure.text(rows[i].interTokenLatency, absent: ctx.absent), .text)
        },
        Column("prompt/s", .number, priority: 40, sort: .number { $0.promptTokensPerSecond }) { rows, i, ctx in
            .text(Format.compact(rows[i].promptTokensPerSecond, absent: ctx.absent), .text)
        },
        Column("gen/s", .number, priority: 75, sort: .number { $0.generationTokensPerSecond }) { rows, i, ctx in
            .text(Format.compact(rows[i].generationTokensPerSecond, absent: ctx.absent), .text)
        },
        Column("preempt/s", .number, priority: 30, sort: .number { $0.preemptionsPerSecond }) { rows, i, ctx in
            .text(
                Format.compact(rows[i].preemptionsPerSecond, absent: ctx.absent),
                (rows[i].preemptionsPerSecond ?? 0) > 0 ? .warn : .text)
        },
        Column("err/s", .number, priority: 45, sort: .number(errorsPerSecond)) { rows, i, ctx in
            let errors = errorsPerSecond(rows[i])
            return .text(Format.compact(errors, absent: ctx.absent), (errors ?? 0) > 0 ? .critical : .text)
        },
        // Its GPUs, as nvtop shows a process's: which, how busy, how much memory and power.
        Column("GPUs", .name(minimum: 4, maximum: 12, kind: .plain), priority: 25, hidesWhenEmpty: true) { rows, i, ctx in
            GPUUse.indices(rows[i], ctx)
        },
        Column("GPU util", .number, priority: 20, hidesWhenEmpty: true) { rows, i, ctx in
            .text(Format.percent(ctx.index.utilization(of: rows[i]), absent: ctx.absent), .text)
        },
        Column("VRAM", .number, priority: 15, hidesWhenEmpty: true) { rows, i, ctx in
            .text(Format.gib(ctx.index.vramUsed(of: rows[i]), absent: ctx.absent), .text)
        },
        Column("power", .number, priority: 10, hidesWhenEmpty: true) { rows, i, ctx in
            .text(Format.watts(ctx.index.power(of: rows[i]), absent: ctx.absent), .text)
        },
    ]

    @discardableResult
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) -> Range<Int> {
        let instances = ClusterQuery.instances(ctx.snapshot, ctx.state)
        let focused = ctx.state.screen == .overview && ctx.state.focus == .instances
        let sort = ctx.state.sorting(.instances)
        let table = Table(
            columns: columns, rows: instances, selected: ctx.state.selected(.instances),
            sort: (sort.column, sort.descending),
            emptyText: GPUPanel.emptyText(ctx, what: "engine instances"))
        let shown = table.draw(&canvas, rect.inset(by: 1), ctx, focused: focused)
        // The window every rate in the table is taken over, so a number can be read for what it is.
        let window = ctx.snapshot.rateWindowMs.map { " · rates over " + Format.window(Double($0) / 1000) } ?? ""
        Box.draw(
            &canvas, rect, title: "engine instances " + String(instances.count) + window,
            note: ctx.rowsNote(shown, of: instances.count), focused: focused, glyphs: ctx.glyphs)
        return shown
    }

    static func stateRole(_ state: InstanceState) -> StyleRole {
        switch state {
        case .ready: return .ok
        case .loading, .restarted: return .warn
        case .unreachable: return .critical
        }
    }

    /// Aborted and failed requests per second, or nil when the engine reports neither.
    static func errorsPerSecond(_ instance: EngineInstance) -> Double? {
        instance.abortedPerSecond == nil && instance.failedPerSecond == nil
            ? nil : (instance.abortedPerSecond ?? 0) + (instance.failedPerSecond ?? 0)
    }
}
