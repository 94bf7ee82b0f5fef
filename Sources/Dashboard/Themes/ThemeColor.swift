/// A colour as a theme file writes it: the terminal's default, one of the 16 ANSI colours, a 256-palette index,
/// or 24-bit RGB. `resolved(for:)` turns it into what a terminal of a given depth can show.
package enum ThemeColor: Sendable, Hashable {
    case terminalDefault
    case ansi(Int)
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    /// ANSI names in palette order; `bright-` prefixes add 8.
    package static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `default`, an ANSI name (`red`, `bright-blue`), `0`–`255`, or `#rrggbb`; nil when it is none of these.
    package static func parse(_ text: String) -> ThemeColor? {
        let t = text.lowercased()
        if t == "default" || t == "none" { return .terminalDefault }
        if let i = ansiNames.firstIndex(of: t) { return .ansi(i) }
        if t.hasPrefix("bright-"), let i = ansiNames.firstIndex(of: String(t.dropFirst(7))) { return .ansi(i + 8) }
        if let n = Int(t), (0...255).contains(n) { return .indexed(n) }
        if t.hasPrefix("#"), t.count == 7, let v = UInt32(t.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF))
        }
        return nil
    }

    /// The curses colour number for a terminal of `depth`: -1 is the terminal's default, nil means "no colour".
    /// Direct-colour terminals (COLORS = 2²⁴) take `r<<16|g<<8|b`; 256 and 16 use the nearest palette entry.
    package func resolved(for depth: ColorDepth) -> Int32? {
        switch (self, depth) {
        case (_, .none): return nil
        case (.terminalDefault, _): return -1
        case (.ansi(let n), .truecolor): return ThemeColor.direct(ThemeColor.paletteRGB(n))
        case (.ansi(let n), .ansi8): return Int32(n % 8)
        case (.ansi(let n), _): return Int32(n)
        case (.indexed(let n), .truecolor): return ThemeColor.direct(ThemeColor.paletteRGB(n))
        case (.indexed(let n), .palette256): return Int32(n)
        case (.indexed(let n), .ansi16): return Int32(ThemeColor.nearest(ThemeColor.paletteRGB(n), in: 0..<16))
        case (.indexed(let n), .ansi8): return Int32(ThemeColor.nearest(ThemeColor.paletteRGB(n), in: 0..<8))
        case (.rgb(let r, let g, let b), .truecolor): return ThemeColor.direct((r, g, b))
        case (.rgb(let r, let g, let b), .palette256): return Int32(ThemeColor.nearest((r, g, b), in: 16..<256))
        case (.rgb(let r, let g, let b), .ansi16): return Int32(ThemeColor.nearest((r, g, b), in: 0..<16))
        case (.rgb(let r, let g, let b), .ansi8): return Int32(ThemeColor.nearest((r, g, b), in: 0..<8))
        }
    }

    private static func direct(_ c: (UInt8, UInt8, UInt8)) -> Int32 {
        Int32(c.0) << 16 | Int32(c.1) << 8 | Int32(c.2)
    }

    /// The RGB of xterm's 256-colour palette entry `n` (16 system colours, 6×6×6 cube, 24 greys).
    package static func paletteRGB(_ n: Int) -> (UInt8, UInt8, UInt8) {
        let system: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
            (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
            (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        switch n {
        case 0..<16: return system[n]
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let i = n - 16
            return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
        default:
            let v = UInt8(8 + 10 * (min(255, max(232, n)) - 232))
            return (v, v, v)
        }
    }

    /// The palette entry in `range` closest to `c` (squared RGB distance). Within the 8 or 16 ANSI colours a grey
    /// only matches black, the greys and white: by plain distance a mid grey would turn yellow.
    package static func nearest(_ c: (UInt8, UInt8, UInt8), in range: Range<Int>) -> Int {
        var candidates = Array(range)
        let isGrey = Int(max(c.0, c.1, c.2)) - Int(min(c.0, c.1, c.2)) < 40
        if isGrey && range.upperBound <= 16 { candidates = [0, 8, 7, 15].filter(range.contains) }
        var best = range.lowerBound
        var bestDistance = Int.max
        for n in candidates {
            let p = paletteRGB(n)
            let d = sq(Int(p.0) - Int(c.0)) + sq(Int(p.1) - Int(c.1)) + sq(Int(p.2) - Int(c.2))
            if d < bestDistance { (best, bestDistance) = (n, d) }
        }
        return best
    }

    private static func sq(_ x: Int) -> Int { x * x }
}
