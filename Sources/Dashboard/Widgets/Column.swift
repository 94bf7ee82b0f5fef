/// One column of a table over rows of type `Row`, defined in one place: its title, how wide it wants to be, how
/// important it is when space runs out, how a row's cell looks and how rows sort by it. A table is a list of
/// these, so adding a column is adding one value, and the header, the widths, the cells and the `s` key cannot
/// disagree about which column is which.
package struct Column<Row>: @unchecked Sendable {
    /// What a row sorts by in this column.
    package enum SortKey {
        /// A figure: largest first on the first press (the worst GPU, the longest queue); absent and invalid last.
        case number((Row) -> Double?)
        /// A name: alphabetical.
        case text((Row) -> String)
    }

    package var title: String
    /// The title drawn when the column is narrower than `title` (a history beside its figure: "VRAM hist").
    package var shortTitle: String?
    package var width: ColumnWidth
    /// Columns with the lowest priority are hidden first when even their minimum widths do not fit.
    package var priority: Int
    package var alignment: ColumnAlignment
    /// The cell of row `index` of `rows` (the rows before it are there for grouping, e.g. a node's name once).
    package var cell: (_ rows: [Row], _ index: Int, _ ctx: ViewContext) -> TableCell
    package var sort: SortKey?
    /// Hidden when no visible row has a value in it (a join that nothing made: which instance uses a GPU when no
    /// source says), so that it never takes room to say nothing.
    package var hidesWhenEmpty: Bool

    package init(
        _ title: String, short shortTitle: String? = nil, _ width: ColumnWidth, priority: Int,
        alignment: ColumnAlignment? = nil, sort: SortKey? = nil, hidesWhenEmpty: Bool = false,
        cell: @escaping (_ rows: [Row], _ index: Int, _ ctx: ViewContext) -> TableCell
    ) {
        self.title = title
        self.shortTitle = shortTitle
        self.width = width
        self.priority = priority
        self.hidesWhenEmpty = hidesWhenEmpty
        switch width {
        case .number: self.alignment = alignment ?? .right
        default: self.alignment = alignment ?? .left
        }
        self.sort = sort
        self.cell = cell
    }

    /// Whether a first press of `s` on this column puts the largest values first.
    package var sortsDescendingFirst: Bool {
        if case .number = sort { return true }
        return false
    }
}
