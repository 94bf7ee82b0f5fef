import ClusterModel
import Formatting
import Insights

/// The targets screen: each target's health, last scrape age, scrape duration, bytes, samples, problems (parse
/// errors and readings out of range), failures in a row, and the last error or data-quality note (sanitized: it
/// came from the network).
package enum TargetsView {
    package static let columns: [Column<TargetHealth>] = [
        Column(
            "target", .name(minimum: 12, maximum: 60, kind: .target), priority: 100,
            sort: .text { DisplayName.target($0.id) }
        ) { rows, i, ctx in
            .text(ctx.clean(DisplayName.target(rows[i].id)), .text)
        },
        Column(
            "status", .name(minimum: 4, maximum: 6, kind: .plain), priority: 100,
            sort: .number { $0.up ? 0 : 1 }
        ) { rows, i, _ in rows[i].up ? .text("up", .ok) : .text("down", .critical) },
        Column("age", .number, priority: 60, sort: .number { $0.lastScrapeMs.map { -Double($0) } }) { rows, i, ctx in
            .text(Format.age(fromMs: rows[i].lastScrapeMs, toMs: ctx.snapshot.timeMs, absent: ctx.absent), .muted)
        },
        Column("scrape", .number, priority: 70, sort: .number { $0.scrapeDurationSeconds }) { rows, i, ctx in
            .text(Format.seconds(rows[i].scrapeDurationSeconds, absent: ctx.absent), .text)
        },
        Column("bytes", .number, priority: 50, sort: .number { $0.bytes.map(Double.init) }) { rows, i, ctx in
            .text(Format.bytes(rows[i].bytes, absent: ctx.absent), .text)
        },
        Column("samples", .number, priority: 50, sort: .number { $0.samples.map(Double.init) }) { rows, i, ctx in
            .text(rows[i].samples.map(String.init) ?? ctx.absent, .text)
        },
        Column("problems", .number, priority: 80, sort: .number { Double(problems($0)) }) { rows, i, _ in
            .text(String(problems(rows[i])), problems(rows[i]) > 0 ? .warn : .text)
        },
        Column("fails", .number, priority: 40, sort: .number { Double($0.consecutiveFailures) }) { rows, i, _ in
            .text(String(rows[i].consecutiveFailures), rows[i].consecutiveFailures > 0 ? .critical : .text)
        },
        Column("last error", .text(minimum: 10), priority: 90) { rows, i, _ in
            let t = rows[i]
            // A target that answers but sends readings out of range shows the first of them (data quality).
            if t.up, t.lastError == nil, let first = t.dataQuality.first {
                let more = t.dataQuality.count > 1 ? " (+\(t.dataQuality.count - 1) more)" : ""
                return .text("data: " + TextSanitizer.clean(first) + more, .warn)
            }
            return .text(t.lastError.map(TextSanitizer.clean) ?? "", t.up ? .warn : .critical)
        },
    ]

    @discardableResult
    package static func draw(_ canvas: inout Canvas, _ screen: Rect, _ ctx: ViewContext) -> Range<Int> {
        let rect = drawSourceNotes(&canvas, screen, ctx)
        let targets = ClusterQuery.targets(ctx.snapshot, ctx.state)
        let sort = ctx.state.sorting(.targets)
        let table = Table(
            columns: columns, rows: targets, selected: ctx.state.selected(.targets),
            sort: (sort.column, sort.descending), emptyText: GPUPanel.emptyText(ctx, what: "targets"))
        let shown = table.draw(&canvas, rect.inset(by: 1), ctx)
        let up = targets.filter(\.up).count
        Box.draw(
            &canvas, rect, title: "targets · \(up) up · \(targets.count - up) down",
            note: ctx.rowsNote(shown, of: targets.count), focused: true, glyphs: ctx.glyphs)
        return shown
    }

    /// Parse errors in the last page and readings out of range.
    static func problems(_ target: TargetHealth) -> Int { target.errorCount + target.dataQuality.count }

    /// The source's own problems (a query server's errors and warnings) in a box below the table, one line
    /// each, as many as fit beside at least five rows of targets. Returns the rectangle left for the table.
    private static func drawSourceNotes(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) -> Rect {
        let health = ctx.frame.health
        let notes = (health?.error.map { ["server: " + $0] } ?? []) + (health?.warnings ?? [])
        let lines = min(notes.count, rect.height - 9)
        guard lines > 0 else { return rect }
        let (table, bottom) = rect.splitBottom(lines + 2)
        let inside = Box.draw(&canvas, bottom, title: "source", focused: false, glyphs: ctx.glyphs)
        for (row, note) in notes.prefix(lines).enumerated() {
            canvas.write(
                TextSanitizer.clean(note), x: inside.x, y: inside.y + row,
                role: row == 0 && health?.error != nil
                    ? .critical : .warn, maxWidth: inside.width)
        }
        return table
    }
}
