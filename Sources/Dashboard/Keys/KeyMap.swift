/// The key tables of the screens, overlays and prompts, as data: each page of the screen stack returns its table
/// (`ScreenPage.keys`), and the same rows drive behaviour, the footer hints and the `?` help.
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

    /// The rows that open the insight screens from the overview. No footer hints: the overview's footer is full,
    /// the `?` help lists them, and the alert strip names `e`.
    static let screens: [KeyBinding] = [
        KeyBinding([.enter], .openSelected, help: "details of the selected GPU or instance"),
        KeyBinding([.character("e")], .open(.events), help: "alerts and the event log"),
        KeyBinding([.character("H")], .open(.heatmap), help: "heatmap of every GPU"),
        KeyBinding([.character("y")], .open(.gpuTypes), help: "GPU types side by side"),
        KeyBinding([.character("L")], .open(.coldStarts), help: "cold starts: loading and past loads"),
        KeyBinding([.character("b")], .showBatching, help: "batching trade-off of the selected instance"),
        KeyBinding([.character("n")], .open(.groups), help: "GPUs grouped by node or model"),
    ]

    /// The overview: header, GPUs, engine instances, charts.
    package static let overview: [KeyBinding] =
        movement + [
            KeyBinding([.tab], .nextPanel, help: "focus the next panel", hint: "panel"),
            KeyBinding([.backTab], .previousPanel, help: "focus the previous panel"),
            KeyBinding([.character("+")], .longerWindow, help: "longer chart window", hint: "window"),
            KeyBinding([.character("-")], .shorterWindow, help: "shorter chart window"),
            KeyBinding([.character("c")], .toggleCompact, help: "compact GPU rows", hint: "compact"),
        ] + screens + global

    /// The targets screen.
    package static let targets: [KeyBinding] = movement + global

    /// While the help overlay is open: only closing it (and quitting) do anything.
    package static let help: [KeyBinding] = [
        KeyBinding([.escape, .character("?")], .toggleHelp, help: "close the help", hint: "close"),
        KeyBinding([.character("q")], .quit, help: "quit", hint: "quit"),
    ]

    /// While typing a filter: printable characters go into it.
    package static let filter: [KeyBinding] = [
        KeyBinding([.enter], .commit, help: "keep the filter", hint: "apply"),
        KeyBinding([.escape], .close, help: "clear the filter", hint: "clear"),
        KeyBinding([.backspace], .deleteBackward, help: "delete a character"),
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
        KeyBinding([.enter], .commit, help: "go to that time", hint: "go"),
        KeyBinding([.escape], .close, help: "cancel", hint: "cancel"),
        KeyBinding([.backspace], .deleteBackward, help: "delete a character"),
    ]

    /// The table in force for a state: the top layer's.
    package static func table(for state: UIState) -> [KeyBinding] { state.top.page.keys(state) }

    /// `table` with a replay's keys in front while replaying, taking their keys from the screen's own rows.
    static func withReplay(_ table: [KeyBinding], _ state: UIState) -> [KeyBinding] {
        guard state.replay else { return table }
        let taken = Set(replay.flatMap(\.keys))
        return replay
            + table.compactMap { binding in
                let keys = binding.keys.filter { !taken.contains($0) }
                return keys.isEmpty ? nil : KeyBinding(keys, binding.action, help: binding.help, hint: binding.hint)
            }
    }

    /// The action a key triggers in a state, if any: a click on a full screen, a row of the table in force, or a
    /// character typed into a prompt.
    package static func action(for key: Key, in state: UIState) -> UIAction? {
        let kind = state.top.page.kind
        if case .click(let x, let y) = key, kind == .screen { return .click(x: x, y: y) }
        if let binding = table(for: state).first(where: { $0.keys.contains(key) }) { return binding.action }
        if kind == .prompt, case .character(let c) = key { return .input(c) }
        return nil
    }
}
