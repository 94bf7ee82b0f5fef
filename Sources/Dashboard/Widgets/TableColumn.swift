/// A column of a `Table`: its title, the widths it can live with, and how important it is when space runs out.
public struct TableColumn: Sendable, Equatable {
    /// Where text sits in the column: names left, numbers right.
    public enum Alignment: Sendable, Equatable { case left, right }

    public var title: String
    /// Narrowest width before the column is hidden instead of shrunk.
    public var minWidth: Int
    /// Width it gets when there is room.
    public var width: Int
    /// Columns with the lowest priority are hidden first; ties hide the rightmost first.
    public var priority: Int
    public var alignment: Alignment
    /// Leftover width goes to the first flexible column (a model name, a VRAM bar).
    public var flexible: Bool

    public init(_ title: String, width: Int, minWidth: Int? = nil, priority: Int = 50, alignment: Alignment = .right,
                flexible: Bool = false) {
        self.title = title
        self.width = width
        self.minWidth = min(minWidth ?? width, width)
        self.priority = priority
        self.alignment = alignment
        self.flexible = flexible
    }
}
