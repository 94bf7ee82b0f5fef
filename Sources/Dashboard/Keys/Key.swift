/// A key press (or mouse event) as the dashboard understands it, independent of ncurses key codes.
package enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// A left click at a cell of the screen.
    case click(x: Int, y: Int)
    case wheelUp, wheelDown

    /// How the key is written in the footer and the help.
    package var label: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .click: return "click"
        case .wheelUp: return "wheel↑"
        case .wheelDown: return "wheel↓"
        }
    }
}
