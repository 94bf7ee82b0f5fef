import Formatting
import ClusterModel
import Insights

/// Alerts firing now, and the event log: start, duration or "ongoing", rule, subject, peak, severity. The log
/// lives beside the store, so it is the same whichever screen was open when the events happened.
public enum EventLogView {
    static let activeColumns: [TableColumn] = [
        TableColumn("severity", width: 8, priority: 90, alignment: .left),
        TableColumn("alert", width: 18, minWidth: 10, priority: 100, alignment: .left),
        TableColumn("subject", width: 30, minWidth: 12, priority: 100, alignment: .left, flexible: true),
        TableColumn("since", width: 12, priority: 70),
        TableColumn("now", width: 8, priority: 80),
        TableColumn("peak", width: 8, priority: 60),
    ]

    static let logColumns: [TableColumn] = [
        TableColumn("start", width: 12, priority: 90, alignment: .left),
        TableColumn("duration", width: 8, priority: 100),
        TableColumn("alert", width: 18, minWidth: 10, priority: 100, alignment: .left),
        TableColumn("subject", width: 30, minWidth: 12, priority: 90, alignment: .left, flexible: true),
        TableColumn("node", width: 12, minWidth: 6, priority: 30, alignment: .left),
        TableColumn("peak", width: 8, priority: 70),
        TableColumn("severity", width: 8, priority: 50, alignment: .left),
    ]

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        guard let engine = ctx.frame.alerts else {
            let inside = Box.draw(&canvas, rect, title: "events", glyphs: ctx.glyphs)
            InsightView.message(&canvas, inside, "alerts are not evaluated for this source")
            return
        }
        let active = engine.active
        let activeHeight = min(rect.height / 3, max(3, active.count + 3))
        let (top, bottom) = rect.splitTop(activeHeight)
        let now = ctx.snapshot.timeMs
        let activeInside = Box.draw(&canvas, top, title: "active alerts \(active.count)", glyphs: ctx.glyphs)
        if active.isEmpty {
            InsightView.message(&canvas, activeInside, "no alert is firing")
        } else {
            Table(columns: activeColumns, rowCount: active.count).draw(&canvas, activeInside, glyphs: ctx.glyphs,
                                                                        focused: false) { row, column in
                let alert = active[row]
                switch column {
                case 0: return .text(alert.severity.rawValue, InsightView.role(alert.severity))
                case 1: return .plain(alert.rule.title)
                case 2: return .plain(ctx.clean(alert.subject.label))
                case 3: return .plain(Format.age(fromMs: alert.sinceMs, toMs: now, absent: ctx.absent) + " ago")
                case 4: return .text(alert.rule.format(alert.current), InsightView.role(alert.severity))
                default: return .plain(alert.rule.format(alert.peak))
                }
            }
        }
        let events = InsightRows.events(ctx.frame)
        let selected = ctx.state.insight.selected(.events)
        let logInside = bottom.inset(by: 1)
        let shown = Table(columns: logColumns, rowCount: events.count, selected: selected)
            .draw(&canvas, logInside, glyphs: ctx.glyphs) { row, column in cell(events[row], column, ctx) }
        let dropped = engine.log.droppedCount > 0 ? " · \(engine.log.droppedCount) older dropped" : ""
        Box.draw(&canvas, bottom, title: "event log \(events.count)" + dropped,
                 note: ctx.rowsNote(shown, of: events.count), focused: true, glyphs: ctx.glyphs)
        if events.isEmpty { InsightView.message(&canvas, logInside, "no alert has fired yet") }
    }

    static func cell(_ event: AlertEvent, _ column: Int, _ ctx: ViewContext) -> TableCell {
        switch column {
        case 0: return .plain(Format.clock(ms: event.startMs))
        case 1: return .text(event.durationText, event.isOngoing ? InsightView.role(event.severity) : .text)
        case 2: return .plain(event.rule.title)
        case 3: return .plain(ctx.clean(event.subject.label))
        case 4: return .text(ctx.clean(event.subject.node), .muted)
        case 5: return .plain(event.rule.format(event.peak))
        default: return .text(event.severity.rawValue, InsightView.role(event.severity))
        }
    }
}
