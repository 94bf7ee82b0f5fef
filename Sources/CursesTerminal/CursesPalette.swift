import CNCurses
import Dashboard

/// The curses attributes and colour pair of every `StyleRole` for one theme at one colour depth. Pairs come from
/// `alloc_pair`, which reuses identical pairs, so cycling themes never exhausts them.
@MainActor
struct CursesPalette {
    private var attributes: [StyleRole: attr_t] = [:]
    private var pairs: [StyleRole: Int16] = [:]

    init(theme: Theme, depth: ColorDepth) {
        // Without colour, the monochrome theme's attributes keep selection and warnings visible.
        let source = depth == .none ? Theme.monochrome : theme
        let background = theme.background.resolved(for: depth) ?? -1
        for role in StyleRole.allCases {
            let style = source.style(role)
            var attr = tui_a_normal()
            if style.attributes.contains(.bold) { attr |= tui_a_bold() }
            if style.attributes.contains(.dim) { attr |= tui_a_dim() }
            if style.attributes.contains(.reverse) { attr |= tui_a_reverse() }
            if style.attributes.contains(.underline) { attr |= tui_a_underline() }
            attributes[role] = attr
            guard depth != .none, has_colors() else { continue }
            let fg = style.foreground?.resolved(for: depth) ?? -1
            let bg = style.background?.resolved(for: depth) ?? background
            let pair = alloc_pair(fg, bg)
            if pair > 0 && pair <= Int32(Int16.max) { pairs[role] = Int16(pair) }
        }
    }

    func attribute(_ role: StyleRole) -> attr_t { attributes[role] ?? tui_a_normal() }
    func pair(_ role: StyleRole) -> Int16 { pairs[role] ?? 0 }
    var backgroundPair: Int16 { pairs[.text] ?? 0 }
}
