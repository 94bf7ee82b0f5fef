/// The key tables, one per screen or mode, as data. The detail screens of the next issue add their own tables
/// here (and `Enter` on a selected row, which no table binds yet, is kept free for opening them).
package enum KeyMap {
    /// Keys that work on every screen.
    package static let global: [KeyBinding] = [
        KeyBinding([.character("q")], .quit, help: "quit", hint: "quit"),
        KeyBinding([.character("?")], .toggleHelp, help: "show or hide this help", hint: "help"),
        KeyBinding([.character("T")], .showTargets, help: "targets screen (again: back to the overview)", hint: "targets"),
        KeyBinding(
            [.character(" ")], .togglePause, help: "pause / resume the display (data keeps being collected)",
            hint: "pause"),
        KeyBinding([.character("t")], .cycleTheme, help: "next colour theme", hint: "theme"),
        KeyBinding([.character("g")], .cycleGlyphs, help: "next glyph set (braille, block, ascii)"),
    ]

    static let movement: [KeyBinding] = [
        KeyBinding([.up, .character("k"), .wheelUp], .moveUp, help: "move the selection up"),
        KeyBinding([.down, .character("j"), .wheelDown], .moveDown, help: "move the selection down"),
        KeyBinding([.pageUp], .pageUp, help: "page up"),
        KeyBinding([.pageDown], .pageDown, help: "page down"),
        KeyBinding([.home], .home, help: "first row"),
        KeyBinding([.end, .character("G")], .end, help: "last row"),
        KeyBinding([.character("s")], .cycleSort, help: "sort by the next column", hint: "sort"),
        KeyBinding([.character("S")], .reverseSort, help: "reverse the sort order"),
        KeyBinding(
            [.character("/")], .startFilter, help: "filter: words, or vram>90 node~gpu-node-00 model=llama", hint: "filter"),
        KeyBinding([.escape], .close, help: "close the overlay, clear the filter"),
    ]

    /// The overview: header, GPUs, engine instances, charts.
    package static let overview: [KeyBinding] =
        movement + [
            KeyBinding([.tab], .nextPanel, help: "focus the next panel", hint: "panel"),
            KeyBinding([.backTab], .previousPanel, help: "focus the previous panel"),
            KeyBinding([.character("+")], .longerWindow, help: "longer chart window", hint: "window"),
            KeyBinding([.character("-")], .shorterWindow, help: "shorter chart window"),
            KeyBinding([.character("c")], .toggleCompact, help: "compact GPU rows", hint: "compact"),
        ] + InsightKeys.overview + global

    /// The targets screen.
    package static let targets: [KeyBinding] = movement + global

    /// While the help overlay is open: only closing it (and quitting) do anything.
    package static let help: [KeyBinding] = [
        KeyBinding([.escape, .character("?")], .toggleHelp, help: "close the help", hint: "close"),
        KeyBinding([.character("q")], .quit, help: "quit", hint: "quit"),
    ]

    /// While typing a filter: printable characters go into it.
    package static let filter: [KeyBinding] = [
        KeyBinding([.enter], .filterCommit, help: "keep the filter", hint: "apply"),
        KeyBinding([.escape], .close, help: "clear the filter", hint: "clear"),
        KeyBinding([.backspace], .filterBackspace, help: "delete a character"),
    ]

    /// A replay's keys; they take these keys from the screen's own table while replaying.
    package static let replay: [KeyBinding] = [
        KeyBinding([.left], .replay(.stepBackward), help: "replay: one scrape back", hint: "step"),
        KeyBinding([.right], .replay(.stepForward), help: "replay: one scrape forward"),
        KeyBinding([.character("[")], .replay(.slower), help: "replay: slower (down to 0.25×)", hint: "speed"),
        KeyBinding([.character("]")], .replay(.faster), help: "replay: faster (up to 64×)"),
        KeyBinding([.character("g")], .startSeek, help: "replay: go to a time (12:30, 90s, or an ISO time)", hint: "go to"),
        KeyBinding([.home], .replay(.start), help: "replay: the first moment"),
        KeyBinding([.end], .replay(.end), help: "replay: the last moment"),
    ]

    /// While typing a replay's `g` time.
    package static let seek: [KeyBinding] = [
        KeyBinding([.enter], .seekCommit, help: "go to that time", hint: "go"),
        KeyBinding([.escape], .close, help: "cancel", hint: "cancel"),
        KeyBinding([.backspace], .seekBackspace, help: "delete a character"),
    ]

    /// The table in force for a state.
    package static func table(for state: UIState) -> [KeyBinding] {
        if state.filterEditing { return filter }
        if state.seekEditing { return seek }
        if state.helpVisible { return help }
        let screen: [KeyBinding]
        switch state.screen {
        case .overview: screen = overview
        case .targets: screen = targets
        case .insight: return InsightKeys.table(for: state.insight.current)
        }
        guard state.replay else { return screen }
        let taken = Set(replay.flatMap(\.keys))
        return replay
            + screen.compactMap { binding in
                let keys = binding.keys.filter { !taken.contains($0) }
                return keys.isEmpty ? nil : KeyBinding(keys, binding.action, help: binding.help, hint: binding.hint)
            }
    }

    /// The action a key triggers in a state, if any.
    package static func action(for key: Key, in state: UIState) -> UIAction? {
        if case .click(let x, let y) = key, !state.helpVisible, !state.filterEditing { return .click(x: x, y: y) }
        if let binding = table(for: state).first(where: { $0.keys.contains(key) }) { return binding.action }
        if state.filterEditing, case .character(let c) = key { return .filterInput(c) }
        if state.seekEditing, case .character(let c) = key { return .seekInput(c) }
        return nil
    }
}
