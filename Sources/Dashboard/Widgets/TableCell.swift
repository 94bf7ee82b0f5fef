/// What one cell of a `Table` holds: text in a role, a bar gauge, or a sparkline.
package enum TableCell: Sendable, Equatable {
    case text(String, StyleRole)
    case gauge(fraction: Double?, label: String, role: StyleRole)
    case sparkline(values: [Double?], maximum: Double?, role: StyleRole)

    /// Plain text in the `text` role.
    package static func plain(_ s: String) -> TableCell { .text(s, .text) }
}
