/// Applies a `UIAction` to a `UIState`: the only way the UI state changes. Pure; the runner turns the differences
/// (pause, quit, theme) into effects.
package enum UIReducer {
    /// What the reducer needs to know about the data: row counts (to clamp selections), the sortable columns,
    /// how many themes and glyph sets there are, and how many rows a page holds.
    package struct Context: Sendable, Equatable {
        package var rowCounts: [UIState.List: Int]
        /// Per list, the sort `s` gives each sortable column, in the order `s` cycles through them.
        package var sortColumns: [UIState.List: [UIState.Sort]]
        package var themeCount: Int
        package var glyphCount: Int
        package var pageRows: Int
        /// The replay's first moment, so the `g` prompt accepts absolute times; nil when not replaying.
        package var replayStartMs: Int64?

        package init(
            rowCounts: [UIState.List: Int] = [:], sortColumns: [UIState.List: [UIState.Sort]] = [:], themeCount: Int = 1,
            glyphCount: Int = GlyphSet.all.count, pageRows: Int = 10, replayStartMs: Int64? = nil
        ) {
            self.rowCounts = rowCounts
            self.sortColumns = sortColumns
            self.themeCount = themeCount
            self.glyphCount = glyphCount
            self.pageRows = pageRows
            self.replayStartMs = replayStartMs
        }
    }

    package static func reduce(_ state: UIState, _ action: UIAction, context: Context) -> UIState {
        var s = state
        switch action {
        case .quit: s.quitRequested = true
        case .toggleHelp: s.helpVisible.toggle()
        case .close:
            if s.helpVisible {
                s.helpVisible = false
            } else if s.seekEditing {
                s.seekEditing = false
                s.seekText = ""
            } else if s.filter.isEmpty && !s.filterEditing && s.screen == .targets {
                s.screen = .overview  // Esc backs out of a screen, as in k9s
            } else {
                s.filter = ""
                s.filterEditing = false
            }
        case .moveUp: move(&s, by: -1, context)
        case .moveDown: move(&s, by: 1, context)
        case .pageUp: move(&s, by: -max(1, context.pageRows), context)
        case .pageDown: move(&s, by: max(1, context.pageRows), context)
        case .home: move(&s, by: Int.min / 2, context)
        case .end: move(&s, by: Int.max / 2, context)
        case .nextPanel: s.focus = cycle(s.focus, by: 1)
        case .previousPanel: s.focus = cycle(s.focus, by: -1)
        case .showTargets: s.screen = s.screen == .targets ? .overview : .targets
        case .cycleSort:
            // The next sortable column, in its natural direction: figures largest first, names A to Z.
            if let list = s.activeList, let sorts = context.sortColumns[list], !sorts.isEmpty {
                let current = s.sorting(list).column
                s.sort[list] = sorts.first { $0.column > current } ?? sorts[0]
            }
        case .reverseSort:
            if let list = s.activeList { s.sort[list, default: UIState.Sort()].descending.toggle() }
        case .startFilter: s.filterEditing = true
        case .filterInput(let c):
            s.filter.append(c)
            resetSelections(&s)
        case .filterBackspace:
            if !s.filter.isEmpty { s.filter.removeLast() }
            resetSelections(&s)
        case .filterCommit: s.filterEditing = false
        case .togglePause: s.paused.toggle()
        case .longerWindow: s.chartWindowIndex = min(UIState.chartWindows.count - 1, s.chartWindowIndex + 1)
        case .shorterWindow: s.chartWindowIndex = max(0, s.chartWindowIndex - 1)
        case .cycleTheme: s.themeIndex = (s.themeIndex + 1) % max(1, context.themeCount)
        case .cycleGlyphs: s.glyphIndex = (s.glyphIndex + 1) % max(1, context.glyphCount)
        case .toggleCompact: s.compact.toggle()
        case .replay(let move): request(move, &s)
        case .startSeek:
            s.seekEditing = true
            s.seekText = ""
        case .seekInput(let c): s.seekText.append(c)
        case .seekBackspace: if !s.seekText.isEmpty { s.seekText.removeLast() }
        case .seekCommit:
            s.seekEditing = false
            if let moment = ReplayTimeText.parse(s.seekText) {
                request(.seek(offsetMs: moment.offsetMs(from: context.replayStartMs ?? 0)), &s)
            }
            s.seekText = ""
        case .click: break  // resolved against the drawn layout by `select(row:in:)`
        case .insight: break  // needs the frame: `InsightReducer.reduce`
        }
        return s
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

    private static func move(_ s: inout UIState, by delta: Int, _ context: Context) {
        guard let list = s.activeList else { return }
        let count = context.rowCounts[list] ?? 0
        let (next, overflow) = s.selected(list).addingReportingOverflow(delta)
        s.selection[list] = clamp(overflow ? (delta < 0 ? 0 : count - 1) : next, count: count)
    }

    private static func request(_ move: ReplayMove, _ s: inout UIState) {
        s.replayRequest = move
        s.replayRequestCount &+= 1
    }

    private static func clamp(_ row: Int, count: Int) -> Int { max(0, min(row, count - 1)) }

    private static func resetSelections(_ s: inout UIState) { s.selection = [:] }

    private static func cycle(_ panel: UIState.Panel, by step: Int) -> UIState.Panel {
        let all = UIState.Panel.allCases
        return all[(panel.rawValue + step + all.count) % all.count]
    }
}
