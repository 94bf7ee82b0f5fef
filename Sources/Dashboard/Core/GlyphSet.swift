/// The characters widgets draw with, as data, because fonts and terminals differ: `braille` (Unicode box lines,
/// ▁…█ levels, braille dot charts), `block` (the same but half-block charts, for fonts without braille) and
/// `ascii` (7-bit only, chosen automatically when the locale is not UTF-8).
package struct GlyphSet: Sendable, Equatable {
    /// How a line chart turns samples into dots.
    package enum ChartMode: Sendable, Equatable {
        /// 2×4 braille dots per cell.
        case braille
        /// 1×2 half blocks per cell (▀ ▄ █).
        case halfBlock
        /// One ASCII mark per cell.
        case ascii
    }

    package var name: String
    package var horizontal: Character
    package var vertical: Character
    package var topLeft: Character
    package var topRight: Character
    package var bottomLeft: Character
    package var bottomRight: Character
    /// Sparkline levels from lowest to highest.
    package var levels: [Character]
    /// A bar's full cell, then partial cells from 1/8 to 7/8 (empty for sets that cannot draw partials).
    package var barFull: Character
    package var barPartials: [Character]
    package var barEmpty: Character
    package var chart: ChartMode
    package var sortAscending: Character
    package var sortDescending: Character
    package var ellipsis: Character
    /// Shown for an absent value.
    package var absent: String

    package static let braille = GlyphSet(
        name: "braille", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], barFull: "█",
        barPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barEmpty: "·", chart: .braille, sortAscending: "▲",
        sortDescending: "▼", ellipsis: "…", absent: "—")

    package static let block: GlyphSet = {
        var set = GlyphSet.braille
        set.name = "block"
        set.chart = .halfBlock
        return set
    }()

    package static let ascii = GlyphSet(
        name: "ascii", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", levels: ["_", ".", "-", "~", "=", "+", "*", "#"], barFull: "#", barPartials: [],
        barEmpty: ".", chart: .ascii, sortAscending: "^", sortDescending: "v", ellipsis: "~", absent: "-")

    /// All sets in the order the `g` key cycles through them.
    package static let all: [GlyphSet] = [.braille, .block, .ascii]

    /// The set named `name`, if any.
    package static func named(_ name: String) -> GlyphSet? { all.first { $0.name == name.lowercased() } }

    /// The default for a locale: `ascii` unless the locale's character set is UTF-8.
    /// `locale` is what `setlocale(LC_CTYPE, …)` answered, or the value of `LC_ALL`/`LC_CTYPE`/`LANG`.
    package static func automatic(locale: String?) -> GlyphSet {
        guard let locale = locale?.lowercased() else { return .ascii }
        return locale.contains("utf-8") || locale.contains("utf8") ? .braille : .ascii
    }

    /// The sparkline level for `value` in `0...1` (clamped).
    package func level(_ fraction: Double) -> Character {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let index = Int((clamped * Double(levels.count - 1)).rounded())
        return levels[index]
    }
}
