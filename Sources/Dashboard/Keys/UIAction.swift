/// Everything a key can ask the dashboard to do. Key tables map keys to these; `UIReducer` applies them.
package enum UIAction: Hashable, Sendable {
    case quit, toggleHelp, close
    case moveUp, moveDown, pageUp, pageDown, home, end
    case nextPanel, previousPanel, showTargets
    case cycleSort, reverseSort
    case startFilter, filterInput(Character), filterBackspace, filterCommit
    case togglePause, longerWindow, shorterWindow
    case cycleTheme, cycleGlyphs, toggleCompact
    /// Replay: a move, and the `g` prompt (open, type, delete, go).
    case replay(ReplayMove)
    case startSeek, seekInput(Character), seekBackspace, seekCommit
    /// A click on screen row `y` (the runner turns it into a selection with the layout it drew).
    case click(x: Int, y: Int)
    /// An insight screen's action, resolved with the frame by `InsightReducer`.
    case insight(InsightAction)
}
