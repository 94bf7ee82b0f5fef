import Dashboard

/// How the dashboard runs: theme, glyphs, colour depth override, mouse, loop period. The `infertop` command fills
/// it from its flags.
public struct DashboardOptions: Sendable {
    /// A theme name (from `Themes/` or `~/.config/infertop/themes/`) or a path to a theme file; nil = "dark".
    public var theme: String?
    /// `braille`, `block` or `ascii`; nil = automatic from the locale.
    public var glyphs: String?
    /// Forces a colour depth (`truecolor`, `256`, `16`, `none`); nil = detected.
    public var colorDepth: ColorDepth?
    public var mouse: Bool
    /// How often the loop looks for keys and new data; redraws happen only when something changed.
    public var tick: Duration
    /// The loop period once no key has come for a second: fewer wake-ups when nobody types (a key is still read
    /// within this period, and the first key brings the fast tick back).
    public var idleTick: Duration
    public var environment: [String: String]
    /// The source is a replay: its keys (← → [ ] g Home End) are bound and the timeline is drawn.
    public var replay: Bool

    public init(theme: String? = nil, glyphs: String? = nil, colorDepth: ColorDepth? = nil, mouse: Bool = true,
                tick: Duration = .milliseconds(33), idleTick: Duration = .milliseconds(80),
                environment: [String: String] = [:], replay: Bool = false) {
        self.idleTick = idleTick
        self.theme = theme
        self.glyphs = glyphs
        self.colorDepth = colorDepth
        self.mouse = mouse
        self.tick = tick
        self.environment = environment
        self.replay = replay
    }
}
