import ClusterModel
import Formatting
import Insights

/// Model loading takes minutes: instances loading now (since when, VRAM so far), each model's typical load
/// time, and the past loads with how long they took and how they ended.
package enum ColdStartsView {
    static let loadingColumns: [Column<ColdStarts.Loading>] = [
        Column("instance", .name(minimum: 12, maximum: 40, kind: .target), priority: 100) { rows, i, ctx in
            .plain(ctx.clean(DisplayName.instance(id: rows[i].load.instanceID)))
        },
        Column("model", .name(minimum: 8, maximum: 40, kind: .model), priority: 90) { rows, i, ctx in
            .plain(ctx.clean(rows[i].load.model))
        },
        Column("engine", .name(minimum: 4, maximum: 10, kind: .plain), priority: 40) { rows, i, ctx in
            .text(rows[i].load.engine == .unknown ? ctx.absent : rows[i].load.engine.label, .muted)
        },
        Column("loading for", .number, priority: 100) { rows, i, _ in .text(rows[i].elapsedText, .warn) },
        Column("VRAM GiB", .number, priority: 80) { rows, i, ctx in .plain(Format.gib(rows[i].vramUsedBytes, absent: ctx.absent))
        },
        Column("loaded", .number, priority: 70) { rows, i, ctx in .plain(Format.gib(rows[i].vramLoadedBytes, absent: ctx.absent))
        },
    ]

    static let pastColumns: [Column<LoadRecord>] = [
        Column("instance", .name(minimum: 12, maximum: 40, kind: .target), priority: 100) { rows, i, ctx in
            .plain(ctx.clean(DisplayName.instance(id: rows[i].instanceID)))
        },
        Column("model", .name(minimum: 8, maximum: 40, kind: .model), priority: 90) { rows, i, ctx in
            .plain(ctx.clean(rows[i].model))
        },
        Column("started", .name(minimum: 12, maximum: 12, kind: .plain), priority: 60) { rows, i, _ in
            .text(Format.clock(ms: rows[i].startMs), .muted)
        },
        Column("took", .number, priority: 100) { rows, i, _ in .plain(rows[i].durationText) },
        Column("outcome", .name(minimum: 5, maximum: 10, kind: .plain), priority: 80) { rows, i, _ in
            .text(rows[i].outcome.rawValue, rows[i].outcome == .ready ? .ok : .warn)
        },
        Column("loaded GiB", .number, priority: 50) { rows, i, ctx in
            .plain(Format.gib(rows[i].vramLoadedBytes, absent: ctx.absent))
        },
    ]

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        guard ctx.frame.alerts != nil else {
            let inside = Box.draw(&canvas, rect, title: "cold starts", glyphs: ctx.glyphs)
            InsightView.message(&canvas, inside, "loads are not tracked for this source")
            return
        }
        let starts = InsightRows.coldStarts(ctx.frame)
        let selected = ctx.state.insight.selected(.coldStarts)
        let (top, rest) = rect.splitTop(min(rect.height / 3, max(4, starts.loading.count + 3)))
        let (typical, bottom) = rest.splitTop(starts.byModel.isEmpty ? 0 : 3)
        let loadingInside = top.inset(by: 1)
        Table(columns: loadingColumns, rows: starts.loading, selected: selected)
            .draw(&canvas, loadingInside, ctx, focused: selected < starts.loading.count)
        Box.draw(&canvas, top, title: "loading now \(starts.loading.count)", glyphs: ctx.glyphs)
        if starts.loading.isEmpty { InsightView.message(&canvas, loadingInside, "no instance is loading") }
        if !typical.isEmpty {
            let inside = Box.draw(&canvas, typical, title: "load time by model", glyphs: ctx.glyphs)
            FlowText.draw(
                &canvas, inside,
                groups: starts.byModel.map { item in
                    [
                        (ctx.clean(item.model) + " ", .text), ("median ", .muted), (Format.duration(item.medianSeconds), .accent),
                        (" max ", .muted), (Format.duration(item.maxSeconds), .text), (" (\(item.count))", .muted),
                    ]
                }, gap: 3)
        }
        let pastInside = bottom.inset(by: 1)
        let pastSelected = selected - starts.loading.count
        let shown = Table(columns: pastColumns, rows: starts.past, selected: pastSelected >= 0 ? pastSelected : nil)
            .draw(&canvas, pastInside, ctx)
        Box.draw(
            &canvas, bottom, title: "past loads \(starts.past.count)", note: ctx.rowsNote(shown, of: starts.past.count),
            glyphs: ctx.glyphs)
        if starts.past.isEmpty { InsightView.message(&canvas, pastInside, "no load has finished yet") }
    }
}
