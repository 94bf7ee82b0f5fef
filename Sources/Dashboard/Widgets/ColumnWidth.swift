import Insights

/// How a table column takes its width. Widths come from what the visible rows hold: names that tell rows apart
/// first (never cut while another column has room to give), then numbers (never cut: hidden instead), then
/// bars, sparklines and free text take what is left.
package enum ColumnWidth: Sendable, Equatable {
    /// A name that tells rows apart (node, model, target): as wide as its longest visible value, up to
    /// `maximum`, at least `minimum`; shortened the way its `kind` is (`DisplayName.fit`) when it must be.
    case name(minimum: Int, maximum: Int, kind: NameKind)
    /// A figure: as wide as its title or its widest visible value.
    case number
    /// A bar gauge with its label: at least the label and a few cells of bar, then `preferred`, then the rest.
    case bar(preferred: Int)
    /// A history: at least `minimum` cells, then `preferred`, then what is left after the bars.
    case sparkline(minimum: Int, preferred: Int)
    /// Free text (an error): at least `minimum`, then what is left at the end.
    case text(minimum: Int)
}

/// Where text sits in a column: names left, numbers right.
package enum ColumnAlignment: Sendable, Equatable {
    case left, right
}
