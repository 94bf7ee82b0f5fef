/// How many colours the terminal can show, which decides how theme colours are resolved.
package enum ColorDepth: String, Sendable, CaseIterable {
    case truecolor, palette256 = "256", ansi16 = "16", ansi8 = "8", none

    /// Chooses the depth from what curses reports (`has_colors()`, `COLORS`) and the environment:
    /// `NO_COLOR` (any non-empty value, per no-color.org) turns colour off.
    package static func detect(hasColors: Bool, colors: Int, environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, colors >= 8 else { return .none }
        if colors >= 1 << 24 { return .truecolor }
        if colors >= 256 { return .palette256 }
        return colors >= 16 ? .ansi16 : .ansi8
    }
}
