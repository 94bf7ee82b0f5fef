import Formatting
import ClusterModel

/// The targets screen: each target's health, last scrape age, scrape duration, bytes, samples, errors and the
/// last error (sanitized: it came from the network).
public enum TargetsView {
    static let columns: [TableColumn] = [
        TableColumn("target", width: 34, minWidth: 12, priority: 100, alignment: .left),
        TableColumn("status", width: 6, priority: 100, alignment: .left),
        TableColumn("age", width: 5, priority: 60),
        TableColumn("scrape", width: 6, priority: 70),
        TableColumn("bytes", width: 9, minWidth: 7, priority: 50),
        TableColumn("samples", width: 7, priority: 50),
        TableColumn("errors", width: 6, priority: 80),
        TableColumn("fails", width: 5, priority: 40),
        TableColumn("last error", width: 24, minWidth: 10, priority: 90, alignment: .left, flexible: true),
    ]
    static let sortColumns = [0, 1, 3, 6]

    @discardableResult
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) -> Range<Int> {
        let targets = ClusterQuery.targets(ctx.snapshot, ctx.state)
        let sort = ctx.state.sorting(.targets)
        let table = Table(columns: columns, rowCount: targets.count, selected: ctx.state.selected(.targets),
                          sortColumn: sortColumns[sort.column], sortDescending: sort.descending,
                          emptyText: GPUPanel.emptyText(ctx, what: "targets"))
        let now = ctx.snapshot.timeMs
        let shown = table.draw(&canvas, rect.inset(by: 1), glyphs: ctx.glyphs) { row, column in
            cell(targets[row], column, now: now, ctx)
        }
        let up = targets.filter(\.up).count
        Box.draw(&canvas, rect, title: "targets · \(up) up · \(targets.count - up) down",
                 note: ctx.rowsNote(shown, of: targets.count), focused: true, glyphs: ctx.glyphs)
        return shown
    }

    static func cell(_ t: TargetHealth, _ column: Int, now: Int64, _ ctx: ViewContext) -> TableCell {
        let a = ctx.absent
        switch column {
        case 0: return .text(ctx.clean(t.id), .text)
        case 1: return t.up ? .text("up", .ok) : .text("down", .critical)
        case 2: return .text(Format.age(fromMs: t.lastScrapeMs, toMs: now, absent: a), .muted)
        case 3: return .text(Format.seconds(t.scrapeDurationSeconds, absent: a), .text)
        case 4: return .text(Format.bytes(t.bytes, absent: a), .text)
        case 5: return .text(t.samples.map(String.init) ?? a, .text)
        case 6:
            let problems = t.errorCount + t.dataQuality.count
            return .text(String(problems), problems > 0 ? .warn : .text)
        case 7: return .text(String(t.consecutiveFailures), t.consecutiveFailures > 0 ? .critical : .text)
        default:
            // A target that answers but sends readings out of range shows the first of them (data quality).
            if t.up, t.lastError == nil, let first = t.dataQuality.first {
                let more = t.dataQuality.count > 1 ? " (+\(t.dataQuality.count - 1) more)" : ""
                return .text("data: " + TextSanitizer.clean(first) + more, .warn)
            }
            return .text(t.lastError.map(TextSanitizer.clean) ?? "", t.up ? .warn : .critical)
        }
    }
}
