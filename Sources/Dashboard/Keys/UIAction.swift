/// Everything a key can ask the dashboard to do. Key tables map keys to these; the page on top of the screen stack
/// applies its own, `UIReducer` the rest.
package enum UIAction: Hashable, Sendable {
    case quit, toggleHelp
    /// Esc: clears the filter, else closes the layer on top.
    case close
    /// Esc on an insight screen: the previous screen.
    case back
    case moveUp, moveDown, pageUp, pageDown, home, end
    /// Sideways within a row (the heatmap's cells of one node).
    case moveLeft, moveRight
    case nextPanel, previousPanel, showTargets
    case cycleSort, reverseSort
    /// `m`: the screen's next mode (the heatmap's metric, the groups' grouping).
    case cycleMode
    case startFilter, startSeek
    /// Typing into the prompt on top: a character, deleting one, accepting what was typed.
    case input(Character), deleteBackward, commit
    case togglePause, longerWindow, shorterWindow
    case cycleTheme, cycleGlyphs, toggleCompact
    /// Replay: a move.
    case replay(ReplayMove)
    /// A click on screen row `y` (the loop turns it into a selection with the layout it drew).
    case click(x: Int, y: Int)
    /// Opens a screen (returning to it when it is already open).
    case open(ScreenID)
    /// Enter: opens what the selected row leads to (a GPU, an instance, a group).
    case openSelected
    /// The batching trade-off of the selected (or shown) instance.
    case showBatching
}
