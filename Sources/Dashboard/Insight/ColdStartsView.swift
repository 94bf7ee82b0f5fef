import Formatting
import ClusterModel
import Insights

/// Model loading takes minutes: instances loading now (since when, VRAM so far), each model's typical load
/// time, and the past loads with how long they took and how they ended.
public enum ColdStartsView {
    static let loadingColumns: [TableColumn] = [
        TableColumn("instance", width: 34, minWidth: 12, priority: 100, alignment: .left, flexible: true),
        TableColumn("model", width: 24, minWidth: 8, priority: 90, alignment: .left),
        TableColumn("engine", width: 9, priority: 40, alignment: .left),
        TableColumn("loading for", width: 11, priority: 100),
        TableColumn("VRAM GiB", width: 8, priority: 80),
        TableColumn("loaded", width: 8, priority: 70),
    ]

    static let pastColumns: [TableColumn] = [
        TableColumn("instance", width: 34, minWidth: 12, priority: 100, alignment: .left, flexible: true),
        TableColumn("model", width: 24, minWidth: 8, priority: 90, alignment: .left),
        TableColumn("started", width: 12, priority: 60, alignment: .left),
        TableColumn("took", width: 8, priority: 100),
        TableColumn("outcome", width: 8, priority: 80, alignment: .left),
        TableColumn("loaded GiB", width: 10, priority: 50),
    ]

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        guard ctx.frame.alerts != nil else {
            let inside = Box.draw(&canvas, rect, title: "cold starts", glyphs: ctx.glyphs)
            InsightView.message(&canvas, inside, "loads are not tracked for this source")
            return
        }
        let starts = InsightRows.coldStarts(ctx.frame)
        let selected = ctx.state.insight.selected(.coldStarts)
        let a = ctx.absent
        let (top, rest) = rect.splitTop(min(rect.height / 3, max(4, starts.loading.count + 3)))
        let (typical, bottom) = rest.splitTop(starts.byModel.isEmpty ? 0 : 3)
        let loadingInside = top.inset(by: 1)
        Table(columns: loadingColumns, rowCount: starts.loading.count, selected: selected)
            .draw(&canvas, loadingInside, glyphs: ctx.glyphs, focused: selected < starts.loading.count) { row, column in
                let item = starts.loading[row]
                switch column {
                case 0: return .plain(ctx.clean(DisplayName.instance(id: item.load.instanceID)))
                case 1: return .plain(ctx.clean(item.load.model))
                case 2: return .text(item.load.engine == .unknown ? a : item.load.engine.label, .muted)
                case 3: return .text(item.elapsedText, .warn)
                case 4: return .plain(Format.gib(item.vramUsedBytes, absent: a))
                default: return .plain(Format.gib(item.vramLoadedBytes, absent: a))
                }
            }
        Box.draw(&canvas, top, title: "loading now \(starts.loading.count)", glyphs: ctx.glyphs)
        if starts.loading.isEmpty { InsightView.message(&canvas, loadingInside, "no instance is loading") }
        if !typical.isEmpty {
            let inside = Box.draw(&canvas, typical, title: "load time by model", glyphs: ctx.glyphs)
            FlowText.draw(&canvas, inside, groups: starts.byModel.map { item in
                [(ctx.clean(item.model) + " ", .text), ("median ", .muted), (Format.duration(item.medianSeconds), .accent),
                 (" max ", .muted), (Format.duration(item.maxSeconds), .text), (" (\(item.count))", .muted)]
            }, gap: 3)
        }
        let pastInside = bottom.inset(by: 1)
        let pastSelected = selected - starts.loading.count
        let shown = Table(columns: pastColumns, rowCount: starts.past.count, selected: pastSelected >= 0 ? pastSelected : nil)
            .draw(&canvas, pastInside, glyphs: ctx.glyphs) { row, column in
                let record = starts.past[row]
                switch column {
                case 0: return .plain(ctx.clean(DisplayName.instance(id: record.instanceID)))
                case 1: return .plain(ctx.clean(record.model))
                case 2: return .text(Format.clock(ms: record.startMs), .muted)
                case 3: return .plain(record.durationText)
                case 4: return .text(record.outcome.rawValue, record.outcome == .ready ? .ok : .warn)
                default: return .plain(Format.gib(record.vramLoadedBytes, absent: a))
                }
            }
        Box.draw(&canvas, bottom, title: "past loads \(starts.past.count)", note: ctx.rowsNote(shown, of: starts.past.count),
                 glyphs: ctx.glyphs)
        if starts.past.isEmpty { InsightView.message(&canvas, pastInside, "no load has finished yet") }
    }
}
