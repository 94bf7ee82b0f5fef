import Dashboard

/// How the dashboard runs: theme, glyphs, colour depth override, mouse, loop period. The `infertop` command fills
/// it from its flags.
package struct DashboardOptions: Sendable {
    /// A theme name (built in, or from the catalog's folders) or a path to a theme file; nil = "dark".
    package var theme: String?
    /// Where themes are found (the `t` key cycles through all of them).
    package var themes: ThemeCatalog
    /// `braille`, `block` or `ascii`; nil = automatic from the locale.
    package var glyphs: String?
    /// Forces a colour depth (`truecolor`, `256`, `16`, `none`); nil = detected.
    package var colorDepth: ColorDepth?
    package var mouse: Bool
    /// How often the loop looks for a new frame of a feed that has no wake pipe. Keys wake it at once (it blocks
    /// in `poll` on the terminal, not in a timer), so this only bounds how late such a feed's frame is drawn.
    package var frameCheck: Duration
    package var environment: [String: String]
    /// The source is a replay: its keys (← → [ ] g Home End) are bound and the timeline is drawn.
    package var replay: Bool

    package init(
        theme: String? = nil, themes: ThemeCatalog = ThemeCatalog(folders: []), glyphs: String? = nil,
        colorDepth: ColorDepth? = nil, mouse: Bool = true,
        frameCheck: Duration = .milliseconds(100), environment: [String: String] = [:], replay: Bool = false
    ) {
        self.frameCheck = frameCheck
        self.theme = theme
        self.themes = themes
        self.glyphs = glyphs
        self.colorDepth = colorDepth
        self.mouse = mouse
        self.environment = environment
        self.replay = replay
    }
}
