import Formatting

/// A table whose columns shrink, then hide by priority, to fit any width; with a header carrying the sort
/// indicator, a highlighted selection, and paging so the selection is always visible. Rows are produced lazily
/// by a closure so a table of thousands of rows only formats the visible ones.
public struct Table {
    public var columns: [TableColumn]
    public var rowCount: Int
    public var selected: Int?
    public var sortColumn: Int?
    public var sortDescending: Bool
    /// Shown, muted, in place of rows when there are none ("no GPUs reported yet"), so an empty panel explains itself.
    public var emptyText: String?

    public init(columns: [TableColumn], rowCount: Int, selected: Int? = nil, sortColumn: Int? = nil,
                sortDescending: Bool = true, emptyText: String? = nil) {
        self.emptyText = emptyText
        self.columns = columns
        self.rowCount = rowCount
        self.selected = selected
        self.sortColumn = sortColumn
        self.sortDescending = sortDescending
    }

    /// The width of each column (nil = hidden) so that they and the one-cell gaps between them fit `width`.
    public static func fit(_ columns: [TableColumn], width: Int) -> [Int?] {
        var visible = Array(columns.indices)
        while !visible.isEmpty {
            let gaps = visible.count - 1
            let ideal = visible.reduce(0) { $0 + columns[$1].width } + gaps
            let minimum = visible.reduce(0) { $0 + columns[$1].minWidth } + gaps
            if minimum <= width {
                var widths = [Int?](repeating: nil, count: columns.count)
                for i in visible { widths[i] = columns[i].width }
                if ideal <= width {
                    if let flex = visible.first(where: { columns[$0].flexible }) { widths[flex]! += width - ideal }
                    return widths
                }
                var excess = ideal - width
                // Shrink the column with the most slack first, one cell at a time, so shrinking is even.
                while excess > 0 {
                    guard let i = visible.max(by: { (widths[$0]! - columns[$0].minWidth) < (widths[$1]! - columns[$1].minWidth) }),
                          widths[i]! > columns[i].minWidth else { break }
                    widths[i]! -= 1
                    excess -= 1
                }
                return widths
            }
            let lowest = visible.min { a, b in
                columns[a].priority != columns[b].priority ? columns[a].priority < columns[b].priority : a > b
            }!
            visible.removeAll { $0 == lowest }
        }
        return Array(repeating: nil, count: columns.count)
    }

    /// The first row shown when `visibleRows` fit: pages of `visibleRows`, so scrolling is stable and pure.
    public static func firstRow(selected: Int?, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, let selected, rowCount > visibleRows else { return 0 }
        let page = min(max(0, selected), rowCount - 1) / visibleRows
        return min(page * visibleRows, rowCount - visibleRows)
    }

    /// Draws the header and the visible rows into `rect`; returns the range of rows shown.
    @discardableResult
    public func draw(_ canvas: inout Canvas, _ rect: Rect, glyphs: GlyphSet, focused: Bool = true,
                     cell: (_ row: Int, _ column: Int) -> TableCell) -> Range<Int> {
        guard rect.height >= 1, rect.width >= 1 else { return 0..<0 }
        let widths = Table.fit(columns, width: rect.width)
        var x = rect.x
        var positions = [(index: Int, x: Int, width: Int)]()
        for (i, w) in widths.enumerated() {
            guard let w else { continue }
            positions.append((i, x, w))
            x += w + 1
        }
        for p in positions {
            var title = columns[p.index].title
            if sortColumn == p.index { title += String(sortDescending ? glyphs.sortDescending : glyphs.sortAscending) }
            Table.writeAligned(&canvas, title, x: p.x, y: rect.y, width: p.width, alignment: columns[p.index].alignment,
                               role: .header, glyphs: glyphs)
        }
        let bodyRows = rect.height - 1
        if rowCount == 0, let emptyText, bodyRows > 0 {
            canvas.write(emptyText, x: rect.x, y: rect.y + 1, role: .muted, maxWidth: rect.width)
        }
        let first = Table.firstRow(selected: selected, visibleRows: bodyRows, rowCount: rowCount)
        let shown = first..<min(rowCount, first + max(0, bodyRows))
        for row in shown {
            let y = rect.y + 1 + row - first
            for p in positions {
                switch cell(row, p.index) {
                case let .text(text, role):
                    Table.writeAligned(&canvas, text, x: p.x, y: y, width: p.width, alignment: columns[p.index].alignment,
                                       role: role, glyphs: glyphs)
                case let .gauge(fraction, label, role):
                    BarGauge.draw(&canvas, x: p.x, y: y, width: p.width, fraction: fraction, label: label, role: role,
                                  glyphs: glyphs)
                case let .sparkline(values, maximum, role):
                    Sparkline.draw(&canvas, x: p.x, y: y, width: p.width, values: values, maximum: maximum, role: role,
                                   glyphs: glyphs)
                }
            }
            if focused, row == selected {
                canvas.restyle(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection)
            }
        }
        return shown
    }

    /// Writes text aligned in a column, cut with an ellipsis when it does not fit.
    public static func writeAligned(_ canvas: inout Canvas, _ text: String, x: Int, y: Int, width: Int,
                                    alignment: TableColumn.Alignment, role: StyleRole, glyphs: GlyphSet) {
        guard width > 0 else { return }
        let fitted = truncate(text, to: width, ellipsis: glyphs.ellipsis)
        let w = DisplayWidth.of(fitted)
        let start = alignment == .left ? x : x + width - w
        canvas.write(fitted, x: start, y: y, role: role, maxWidth: width)
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when something was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: Character) -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width || DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character) ?? 1  // drawn as `?`
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        out.append(ellipsis)
        return out
    }
}
