/// The characters widgets draw with, as data, because fonts and terminals differ: `braille` (Unicode box lines,
/// ▁…█ levels, braille dot charts), `block` (the same but half-block charts, for fonts without braille) and
/// `ascii` (7-bit only, chosen automatically when the locale is not UTF-8).
public struct GlyphSet: Sendable, Equatable {
    /// How a line chart turns samples into dots.
    public enum ChartMode: Sendable, Equatable {
        /// 2×4 braille dots per cell.
        case braille
        /// 1×2 half blocks per cell (▀ ▄ █).
        case halfBlock
        /// One ASCII mark per cell.
        case ascii
    }

    public var name: String
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Sparkline levels from lowest to highest.
    public var levels: [Character]
    /// A bar's full cell, then partial cells from 1/8 to 7/8 (empty for sets that cannot draw partials).
    public var barFull: Character
    public var barPartials: [Character]
    public var barEmpty: Character
    public var chart: ChartMode
    public var sortAscending: Character
    public var sortDescending: Character
    public var ellipsis: Character
    /// Shown for an absent value.
    public var absent: String

    public static let braille = GlyphSet(
        name: "braille", horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
        bottomRight: "┘", levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], barFull: "█",
        barPartials: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barEmpty: "·", chart: .braille, sortAscending: "▲",
        sortDescending: "▼", ellipsis: "…", absent: "—")

    public static let block: GlyphSet = {
        var set = GlyphSet.braille
        set.name = "block"
        set.chart = .halfBlock
        return set
    }()

    public static let ascii = GlyphSet(
        name: "ascii", horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
        bottomRight: "+", levels: ["_", ".", "-", "~", "=", "+", "*", "#"], barFull: "#", barPartials: [],
        barEmpty: ".", chart: .ascii, sortAscending: "^", sortDescending: "v", ellipsis: "~", absent: "-")

    /// All sets in the order the `g` key cycles through them.
    public static let all: [GlyphSet] = [.braille, .block, .ascii]

    /// The set named `name`, if any.
    public static func named(_ name: String) -> GlyphSet? { all.first { $0.name == name.lowercased() } }

    /// The default for a locale: `ascii` unless the locale's character set is UTF-8.
    /// `locale` is what `setlocale(LC_CTYPE, …)` answered, or the value of `LC_ALL`/`LC_CTYPE`/`LANG`.
    public static func automatic(locale: String?) -> GlyphSet {
        guard let locale = locale?.lowercased() else { return .ascii }
        return locale.contains("utf-8") || locale.contains("utf8") ? .braille : .ascii
    }

    /// The sparkline level for `value` in `0...1` (clamped).
    public func level(_ fraction: Double) -> Character {
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let index = Int((clamped * Double(levels.count - 1)).rounded())
        return levels[index]
    }
}
