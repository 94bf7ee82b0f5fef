/// Applies a `UIAction` to a `UIState`: the only way the UI state changes. The page on top of the screen stack
/// applies its own actions first (`ScreenPage.handle`); the rest mean the same on every screen and are applied
/// here. Pure; the loop turns the differences (pause, quit, theme, replay moves) into effects.
package enum UIReducer {
    /// What the pages and the reducer need to know about the data: the frame on screen (to resolve "the selected
    /// row" into a GPU or instance), row counts (to clamp selections), the sortable columns, how many themes and
    /// glyph sets there are, and how many rows a page holds.
    package struct Context: Sendable {
        package var rowCounts: [UIState.List: Int]
        /// Per list, the sort `s` gives each sortable column, in the order `s` cycles through them.
        package var sortColumns: [UIState.List: [UIState.Sort]]
        package var themeCount: Int
        package var glyphCount: Int
        package var pageRows: Int
        /// The replay's first moment, so the `g` prompt accepts absolute times; nil when not replaying.
        package var replayStartMs: Int64?
        /// The frame on screen; nil where no page needs it (the insight screens do nothing without one).
        package var frame: DashboardFrame?

        package init(
            rowCounts: [UIState.List: Int] = [:], sortColumns: [UIState.List: [UIState.Sort]] = [:], themeCount: Int = 1,
            glyphCount: Int = GlyphSet.all.count, pageRows: Int = 10, replayStartMs: Int64? = nil,
            frame: DashboardFrame? = nil
        ) {
            self.rowCounts = rowCounts
            self.sortColumns = sortColumns
            self.themeCount = themeCount
            self.glyphCount = glyphCount
            self.pageRows = pageRows
            self.replayStartMs = replayStartMs
            self.frame = frame
        }

        /// Everything known about `frame` shown in `state` at `size`.
        package init(frame: DashboardFrame, state: UIState, size: Size, themeCount: Int = 1) {
            self.init(
                rowCounts: ClusterQuery.rowCounts(frame.snapshot, state), sortColumns: ClusterQuery.sortColumns,
                themeCount: themeCount, pageRows: DashboardView.pageRows(frame, state: state, size: size),
                replayStartMs: frame.replay?.startMs, frame: frame)
        }
    }

    package static func reduce(_ state: UIState, _ action: UIAction, context: Context) -> UIState {
        var s = state
        if !state.top.page.handle(action, &s, context) { apply(action, &s, context) }
        return s
    }

    /// The actions that mean the same on every screen.
    private static func apply(_ action: UIAction, _ s: inout UIState, _ context: Context) {
        switch action {
        case .quit: s.quitRequested = true
        case .toggleHelp:
            if s.top == .help { s.closeTop() } else { s.open(.help) }
        case .close:
            // Esc clears the filter first, then backs out of a screen, as in k9s.
            if !s.filter.isEmpty {
                s.filter = ""
            } else {
                s.closeTop()
            }
        case .back: s.closeTop()
        case .moveUp: move(&s, by: -1, context)
        case .moveDown: move(&s, by: 1, context)
        case .pageUp: move(&s, by: -max(1, context.pageRows), context)
        case .pageDown: move(&s, by: max(1, context.pageRows), context)
        case .home: move(&s, by: Int.min / 2, context)
        case .end: move(&s, by: Int.max / 2, context)
        case .showTargets:
            if s.screen == .targets { s.closeTop() } else { s.open(.targets) }
        case .cycleSort:
            // The next sortable column, in its natural direction: figures largest first, names A to Z.
            if let list = s.activeList, let sorts = context.sortColumns[list], !sorts.isEmpty {
                let current = s.sorting(list).column
                s.sort[list] = sorts.first { $0.column > current } ?? sorts[0]
            }
        case .reverseSort:
            if let list = s.activeList { s.sort[list, default: UIState.Sort()].descending.toggle() }
        case .startFilter: s.open(.filter)
        case .startSeek:
            s.seekText = ""
            s.open(.seek)
        case .togglePause: s.paused.toggle()
        case .longerWindow: s.chartWindowIndex = min(UIState.chartWindows.count - 1, s.chartWindowIndex + 1)
        case .shorterWindow: s.chartWindowIndex = max(0, s.chartWindowIndex - 1)
        case .cycleTheme: s.themeIndex = (s.themeIndex + 1) % max(1, context.themeCount)
        case .cycleGlyphs: s.glyphIndex = (s.glyphIndex + 1) % max(1, context.glyphCount)
        case .replay(let move): request(move, &s)
        case .open(let screen): s.open(screen)
        case .click, .input, .deleteBackward, .commit, .moveLeft, .moveRight, .nextPanel, .previousPanel,
            .toggleCompact, .cycleMode, .openSelected, .showBatching:
            break  // a page's own, or (a click) resolved against the drawn layout by `select(row:in:)`
        }
    }

    /// Selects `row` of `list` (a click on a table row), focusing its panel.
    package static func select(row: Int, in list: UIState.List, state: UIState, context: Context) -> UIState {
        var s = state
        switch list {
        case .gpus: s.focus = .gpus
        case .instances: s.focus = .instances
        case .targets: break
        }
        s.selection[list] = clamp(row, count: context.rowCounts[list] ?? 0)
        return s
    }

    /// A replay move for the feed; the counter makes each request new even when the move repeats.
    static func request(_ move: ReplayMove, _ s: inout UIState) {
        s.replayRequest = move
        s.replayRequestCount &+= 1
    }

    /// A typed filter changes the rows, so the selections start again at the top.
    static func resetSelections(_ s: inout UIState) { s.selection = [:] }

    private static func move(_ s: inout UIState, by delta: Int, _ context: Context) {
        guard let list = s.activeList else { return }
        let count = context.rowCounts[list] ?? 0
        let (next, overflow) = s.selected(list).addingReportingOverflow(delta)
        s.selection[list] = clamp(overflow ? (delta < 0 ? 0 : count - 1) : next, count: count)
    }

    private static func clamp(_ row: Int, count: Int) -> Int { max(0, min(row, count - 1)) }
}
