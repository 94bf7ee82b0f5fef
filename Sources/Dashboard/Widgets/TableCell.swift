import ClusterModel

/// What one cell of a `Table` holds: text in a role, a bar gauge, or a sparkline of a history key.
package enum TableCell: Sendable, Equatable {
    case text(String, StyleRole)
    case gauge(fraction: Double?, label: String, role: StyleRole)
    /// The key's history over the chart window, one mean per column of the width the table gives it: asked of the
    /// history at that width, not at one point per scrape and then averaged down (every visible row, every frame).
    case sparkline(HistoryKey, maximum: Double?, role: StyleRole)

    /// Plain text in the `text` role.
    package static func plain(_ s: String) -> TableCell { .text(s, .text) }
}
