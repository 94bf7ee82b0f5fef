import Formatting
import ClusterModel

/// The engine instances panel: engine, model, node, state, running (batch) and waiting (queue), KV-cache use,
/// TTFT p50/p95, ITL p50, prompt and generation tokens/s, preemptions/s and errors/s.
public enum InstancePanel {
    static let columns: [TableColumn] = [
        TableColumn("engine", width: 7, minWidth: 4, priority: 60, alignment: .left),
        TableColumn("model", width: 18, minWidth: 8, priority: 90, alignment: .left, flexible: true),
        TableColumn("node", width: 12, minWidth: 6, priority: 70, alignment: .left),
        TableColumn("state", width: 9, minWidth: 5, priority: 100, alignment: .left),
        TableColumn("run", width: 5, priority: 95),
        TableColumn("wait", width: 5, priority: 95),
        TableColumn("KV", width: 4, priority: 85),
        TableColumn("TTFT50", width: 6, priority: 50),
        TableColumn("TTFT95", width: 6, priority: 80),
        TableColumn("ITL50", width: 6, priority: 55),
        TableColumn("prompt/s", width: 8, minWidth: 6, priority: 40),
        TableColumn("gen/s", width: 6, priority: 75),
        TableColumn("preempt/s", width: 9, minWidth: 7, priority: 30),
        TableColumn("err/s", width: 5, priority: 45),
    ]

    /// Which table column shows each of `ClusterQuery.instanceSortKeys`.
    static let sortColumns = [2, 1, 5, 4, 6, 8, 11]

    @discardableResult
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) -> Range<Int> {
        let instances = ClusterQuery.instances(ctx.snapshot, ctx.state)
        let focused = ctx.state.screen == .overview && ctx.state.focus == .instances
        let sort = ctx.state.sorting(.instances)
        let table = Table(columns: columns, rowCount: instances.count, selected: ctx.state.selected(.instances),
                          sortColumn: sortColumns[sort.column], sortDescending: sort.descending,
                          emptyText: GPUPanel.emptyText(ctx, what: "engine instances"))
        let shown = table.draw(&canvas, rect.inset(by: 1), glyphs: ctx.glyphs, focused: focused) { row, column in
            cell(instances[row], column, ctx)
        }
        // The window every rate in the table is taken over, so a number can be read for what it is.
        let window = ctx.snapshot.rateWindowMs.map { " · rates over " + Format.window(Double($0) / 1000) } ?? ""
        Box.draw(&canvas, rect, title: "engine instances " + String(instances.count) + window,
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

    static func cell(_ i: EngineInstance, _ column: Int, _ ctx: ViewContext) -> TableCell {
        let a = ctx.absent
        switch column {
        case 0: return .text(i.engine.label, .muted)
        case 1: return .text(ctx.clean(i.model), .text)
        case 2: return .text(ctx.clean(i.node), .accent)
        case 3: return .text(i.state.label, stateRole(i.state))
        case 4: return .text(Format.compact(i.running, absent: a), .text)
        case 5: return .text(Format.compact(i.waiting, absent: a), Thresholds.queue(waiting: i.waiting, running: i.running))
        case 6: return .text(Format.percent(i.kvCacheUsage, absent: a), Thresholds.kvCache(i.kvCacheUsage))
        case 7: return .text(Format.seconds(i.ttft.p50, absent: a), .text)
        case 8: return .text(Format.seconds(i.ttft.p95, absent: a), .text)
        case 9: return .text(LatencyFigure.text(i.interTokenLatency, absent: a), .text)
        case 10: return .text(Format.compact(i.promptTokensPerSecond, absent: a), .text)
        case 11: return .text(Format.compact(i.generationTokensPerSecond, absent: a), .text)
        case 12: return .text(Format.compact(i.preemptionsPerSecond, absent: a),
                              (i.preemptionsPerSecond ?? 0) > 0 ? .warn : .text)
        default:
            let errors: Double? = i.abortedPerSecond == nil && i.failedPerSecond == nil
                ? nil : (i.abortedPerSecond ?? 0) + (i.failedPerSecond ?? 0)
            return .text(Format.compact(errors, absent: a), (errors ?? 0) > 0 ? .critical : .text)
        }
    }
}
