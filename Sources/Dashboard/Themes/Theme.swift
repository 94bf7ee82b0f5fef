/// A colour theme: a style per `StyleRole`, and the screen's background. Loaded from a theme file (see
/// `ThemeParser` and docs/DASHBOARD.md); roles the file leaves out fall back to a sensible neighbour.
package struct Theme: Sendable, Hashable {
    package var name: String
    package var background: ThemeColor
    package var styles: [StyleRole: Style]

    package init(name: String, background: ThemeColor = .terminalDefault, styles: [StyleRole: Style]) {
        self.name = name
        self.background = background
        self.styles = styles
    }

    /// The style of a role; a missing chart series borrows `accent`, anything else missing borrows `text`.
    package func style(_ role: StyleRole) -> Style {
        if let s = styles[role] { return s }
        if StyleRole.series.contains(role), let accent = styles[.accent] { return accent }
        return styles[.text] ?? Style()
    }

    /// Attributes only, no colour: used when the terminal has no colours or `NO_COLOR` is set, so that selection,
    /// warnings and titles stay visible, and as the last resort when no theme file can be found.
    package static let monochrome = Theme(
        name: "mono",
        styles: [
            .text: Style(),
            .muted: Style(attributes: .dim),
            .accent: Style(attributes: .bold),
            .ok: Style(),
            .warn: Style(attributes: .bold),
            .critical: Style(attributes: [.bold, .reverse]),
            .border: Style(attributes: .dim),
            .title: Style(attributes: .bold),
            .header: Style(attributes: .underline),
            .selection: Style(attributes: .reverse),
            .key: Style(attributes: .bold),
            .gaugeEmpty: Style(attributes: .dim),
        ])
}
