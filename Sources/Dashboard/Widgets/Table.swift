import Formatting
import Insights

/// A table of rows under a header: its columns (`Column`) take widths from what the visible rows hold
/// (`ColumnLayout`), names are shortened by what tells them apart, the header shows the sort column and its
/// direction, the selection is highlighted, and rows page so the selection is always visible. Only the visible
/// rows are formatted, so a table of thousands of rows costs what one screen of them costs.
package struct Table<Row> {
    package var columns: [Column<Row>]
    package var rows: [Row]
    package var selected: Int?
    /// The column the rows are sorted by (an index into `columns`) and its direction, shown in its title.
    package var sort: (column: Int, descending: Bool)?
    /// Shown, muted, in place of rows when there are none ("no GPUs reported yet"), so an empty panel explains itself.
    package var emptyText: String?

    package init(
        columns: [Column<Row>], rows: [Row], selected: Int? = nil, sort: (column: Int, descending: Bool)? = nil,
        emptyText: String? = nil
    ) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.sort = sort
        self.emptyText = emptyText
    }

    /// The rows shown in a body of `visibleRows` lines.
    package func shownRows(visibleRows: Int) -> Range<Int> {
        let first = TableText.firstRow(selected: selected, visibleRows: visibleRows, rowCount: rows.count)
        return first..<min(rows.count, first + max(0, visibleRows))
    }

    /// The columns' titles with the sort mark on the sorted one.
    func titles(glyphs: GlyphSet) -> [String] {
        columns.indices.map { i in
            guard let sort, sort.column == i else { return columns[i].title }
            return columns[i].title + String(sort.descending ? glyphs.sortDescending : glyphs.sortAscending)
        }
    }

    /// The width of each column (nil: hidden) for the visible rows' `cells`, in `width` cells.
    func widths(cells: [[TableCell]], titles: [String], width: Int, absent: String) -> [Int?] {
        let shown = columns.indices.filter { i in
            !columns[i].hidesWhenEmpty
                || cells.contains { row in
                    if case .text(let text, _) = row[i] { return text != absent }
                    return true
                }
        }
        let demands = shown.map { i -> ColumnLayout.Demand in
            // A column with a short title asks only for that much room for it.
            var content = DisplayWidth.of(columns[i].shortTitle ?? titles[i])
            for row in cells {
                switch row[i] {
                case .text(let text, _): content = max(content, DisplayWidth.of(text))
                case .gauge(_, let label, _): content = max(content, DisplayWidth.of(label))
                case .sparkline: break
                }
            }
            return ColumnLayout.Demand(columns[i].width, priority: columns[i].priority, content: content)
        }
        var widths = [Int?](repeating: nil, count: columns.count)
        for (i, w) in zip(shown, ColumnLayout.widths(demands, width: width)) { widths[i] = w }
        return widths
    }

    /// Draws the header and the visible rows into `rect`; returns the range of rows shown.
    @discardableResult
    package func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, focused: Bool = true) -> Range<Int> {
        guard rect.height >= 1, rect.width >= 1 else { return 0..<0 }
        let shown = shownRows(visibleRows: rect.height - 1)
        let cells = shown.map { row in columns.map { $0.cell(rows, row, ctx) } }
        let titles = self.titles(glyphs: ctx.glyphs)
        let widths = self.widths(cells: cells, titles: titles, width: rect.width, absent: ctx.absent)
        var x = rect.x
        var positions = [(index: Int, x: Int, width: Int)]()
        for (i, w) in widths.enumerated() {
            guard let w else { continue }
            positions.append((i, x, w))
            x += w + 1
        }
        for p in positions {
            var title = titles[p.index]
            if DisplayWidth.of(title) > p.width, let short = columns[p.index].shortTitle { title = short }
            TableText.writeAligned(
                &canvas, title, x: p.x, y: rect.y, width: p.width, alignment: columns[p.index].alignment,
                role: .header, glyphs: ctx.glyphs)
        }
        if rows.isEmpty, let emptyText, rect.height > 1 {
            canvas.write(emptyText, x: rect.x, y: rect.y + 1, role: .muted, maxWidth: rect.width)
        }
        for (offset, row) in shown.enumerated() {
            let y = rect.y + 1 + offset
            for p in positions {
                let column = columns[p.index]
                switch cells[offset][p.index] {
                case .text(let text, let role):
                    let kind: NameKind
                    if case .name(_, _, let nameKind) = column.width { kind = nameKind } else { kind = .plain }
                    let fitted = DisplayName.fit(text, kind: kind, width: p.width, ellipsis: ctx.glyphs.ellipsis)
                    TableText.writeAligned(
                        &canvas, fitted, x: p.x, y: y, width: p.width, alignment: column.alignment,
                        role: role, glyphs: ctx.glyphs)
                case .gauge(let fraction, let label, let role):
                    BarGauge.draw(
                        &canvas, x: p.x, y: y, width: p.width, fraction: fraction, label: label, role: role,
                        glyphs: ctx.glyphs)
                case .sparkline(let key, let maximum, let role):
                    Sparkline.draw(
                        &canvas, x: p.x, y: y, width: p.width, values: ctx.history(key, columns: p.width),
                        maximum: maximum, role: role, glyphs: ctx.glyphs)
                }
            }
            if focused, row == selected {
                canvas.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection)
            }
        }
        return shown
    }

    /// Rows in the order `column`'s sort key puts them: numbers and names ascending, or descending; absent and
    /// invalid (NaN) values last whatever the direction. Stable, so equal rows keep their order (by node).
    package static func sorted(_ rows: [Row], by key: Column<Row>.SortKey, descending: Bool) -> [Row] {
        switch key {
        case .number(let value):
            let keys = rows.map { value($0).flatMap { $0.isNaN ? nil : $0 } }
            let order = keys.indices.sorted { a, b in
                switch (keys[a], keys[b]) {
                case (let x?, let y?) where x != y: return descending ? x > y : x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return a < b
                }
            }
            return order.map { rows[$0] }
        case .text(let value):
            let keys = rows.map(value)
            let order = keys.indices.sorted { a, b in
                keys[a] != keys[b] ? (descending ? keys[a] > keys[b] : keys[a] < keys[b]) : a < b
            }
            return order.map { rows[$0] }
        }
    }
}
