import Formatting
import Insights

/// What every list on screen shares, whatever its rows: aligned and shortened text in a column, and the paging
/// that keeps a selection visible (tables, the compact GPU tiles, the heatmap).
package enum TableText {
    /// Writes text aligned in a column, cut with an ellipsis when it does not fit.
    package static func writeAligned(
        _ canvas: inout Canvas, _ text: String, x: Int, y: Int, width: Int,
        alignment: ColumnAlignment, role: StyleRole, glyphs: GlyphSet
    ) {
        guard width > 0 else { return }
        let fitted = truncate(text, to: width, ellipsis: glyphs.ellipsis)
        let w = DisplayWidth.of(fitted)
        let start = alignment == .left ? x : x + width - w
        canvas.write(fitted, x: start, y: y, role: role, maxWidth: width)
    }

    /// `text` cut to `width` columns, ending in `ellipsis` when something was cut.
    package static func truncate(_ text: String, to width: Int, ellipsis: Character) -> String {
        guard width > 0 else { return "" }
        if text.utf8.count <= width || DisplayWidth.of(text) <= width { return text }
        return DisplayName.fit(text, kind: .plain, width: width, ellipsis: ellipsis)
    }

    /// The first row shown when `visibleRows` fit: pages of `visibleRows`, so scrolling is stable and pure.
    package static func firstRow(selected: Int?, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0, let selected, rowCount > visibleRows else { return 0 }
        let page = min(max(0, selected), rowCount - 1) / visibleRows
        return min(page * visibleRows, rowCount - visibleRows)
    }
}
