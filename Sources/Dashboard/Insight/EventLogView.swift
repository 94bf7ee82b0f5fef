import ClusterModel
import Formatting
import Insights

/// Alerts firing now, and the event log: start, duration or "ongoing", rule, subject, peak, severity. The log
/// lives beside the store, so it is the same whichever screen was open when the events happened.
package enum EventLogView {
    static let activeColumns: [Column<Alert>] = [
        Column("severity", .name(minimum: 4, maximum: 8, kind: .plain), priority: 90) { rows, i, _ in
            .text(rows[i].severity.rawValue, InsightView.role(rows[i].severity))
        },
        Column("alert", .name(minimum: 10, maximum: 24, kind: .plain), priority: 100) { rows, i, _ in .plain(rows[i].rule.title)
        },
        Column("subject", .name(minimum: 12, maximum: 60, kind: .target), priority: 100) { rows, i, ctx in
            .plain(ctx.clean(rows[i].subject.label))
        },
        Column("since", .number, priority: 70) { rows, i, ctx in
            .plain(Format.age(fromMs: rows[i].sinceMs, toMs: ctx.snapshot.timeMs, absent: ctx.absent) + " ago")
        },
        Column("now", .number, priority: 80) { rows, i, _ in
            .text(rows[i].rule.format(rows[i].current), InsightView.role(rows[i].severity))
        },
        Column("peak", .number, priority: 60) { rows, i, _ in .plain(rows[i].rule.format(rows[i].peak)) },
    ]

    static let logColumns: [Column<AlertEvent>] = [
        Column("start", .name(minimum: 12, maximum: 12, kind: .plain), priority: 90) { rows, i, _ in
            .plain(Format.clock(ms: rows[i].startMs))
        },
        Column("duration", .number, priority: 100) { rows, i, _ in
            .text(rows[i].durationText, rows[i].isOngoing ? InsightView.role(rows[i].severity) : .text)
        },
        Column("alert", .name(minimum: 10, maximum: 24, kind: .plain), priority: 100) { rows, i, _ in .plain(rows[i].rule.title)
        },
        Column("subject", .name(minimum: 12, maximum: 60, kind: .target), priority: 90) { rows, i, ctx in
            .plain(ctx.clean(rows[i].subject.label))
        },
        Column("node", .name(minimum: 6, maximum: 24, kind: .node), priority: 30) { rows, i, ctx in
            .text(ctx.clean(rows[i].subject.node), .muted)
        },
        Column("peak", .number, priority: 70) { rows, i, _ in .plain(rows[i].rule.format(rows[i].peak)) },
        Column("severity", .name(minimum: 4, maximum: 8, kind: .plain), priority: 50) { rows, i, _ in
            .text(rows[i].severity.rawValue, InsightView.role(rows[i].severity))
        },
    ]

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        guard let engine = ctx.frame.alerts else {
            let inside = Box.draw(&canvas, rect, title: "events", glyphs: ctx.glyphs)
            InsightView.message(&canvas, inside, "alerts are not evaluated for this source")
            return
        }
        let active = engine.active
        let activeHeight = min(rect.height / 3, max(3, active.count + 3))
        let (top, bottom) = rect.splitTop(activeHeight)
        let activeInside = Box.draw(&canvas, top, title: "active alerts \(active.count)", glyphs: ctx.glyphs)
        if active.isEmpty {
            InsightView.message(&canvas, activeInside, "no alert is firing")
        } else {
            Table(columns: activeColumns, rows: active).draw(&canvas, activeInside, ctx, focused: false)
        }
        let events = InsightRows.events(ctx.frame)
        let selected = ctx.state.insight.selected(.events)
        let logInside = bottom.inset(by: 1)
        let shown = Table(columns: logColumns, rows: events, selected: selected).draw(&canvas, logInside, ctx)
        let dropped = engine.log.droppedCount > 0 ? " · \(engine.log.droppedCount) older dropped" : ""
        Box.draw(
            &canvas, bottom, title: "event log \(events.count)" + dropped,
            note: ctx.rowsNote(shown, of: events.count), focused: true, glyphs: ctx.glyphs)
        if events.isEmpty { InsightView.message(&canvas, logInside, "no alert has fired yet") }
    }
}
