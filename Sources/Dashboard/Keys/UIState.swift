/// Everything the user chose that shapes the picture: screen, focus, selections, sort, filter, pause, chart window,
/// theme, glyphs, compact mode. A plain value, changed only by `UIReducer`, so every transition is testable.
package struct UIState: Equatable, Sendable {
    /// A full screen. The detail screens of the next issue become new cases here.
    package enum Screen: Sendable, Equatable { case overview, targets, insight }
    /// A focusable panel of the overview.
    package enum Panel: Int, Sendable, CaseIterable { case gpus, instances, charts }
    /// A scrollable, sortable list.
    package enum List: Int, Sendable, CaseIterable { case gpus, instances, targets }

    /// How one list is sorted: a column of that list's table (an index into its columns), and the direction.
    package struct Sort: Equatable, Sendable {
        package var column: Int
        package var descending: Bool
        package init(column: Int = 0, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }
    }

    /// Chart windows `+`/`-` step through, in seconds.
    package static let chartWindows: [Int] = [60, 300, 900, 3600]

    package var screen: Screen = .overview
    package var focus: Panel = .gpus
    package var helpVisible = false
    package var selection: [List: Int] = [:]
    package var sort: [List: Sort] = [:]
    package var filter = ""
    package var filterEditing = false
    package var paused = false
    package var chartWindowIndex = 1
    package var themeIndex = 0
    package var glyphIndex = 0
    package var compact = false
    package var quitRequested = false
    /// The insight screens' stack and selections (Sources/Dashboard/Insight).
    package var insight = InsightUIState()
    /// The source is a replay: the replay keys (← → [ ] g Home End) are in force.
    package var replay = false
    /// The `g` prompt of a replay is open, holding what was typed.
    package var seekEditing = false
    package var seekText = ""
    /// The last replay move asked for, and a counter that changes with every request (the runner sends each one
    /// to the feed once).
    package var replayRequest: ReplayMove?
    package var replayRequestCount = 0

    package init() {}

    /// The list that movement keys act on: the focused panel's on the overview, the targets on their screen.
    package var activeList: List? {
        switch screen {
        case .targets: return .targets
        case .insight: return nil
        case .overview:
            switch focus {
            case .gpus: return .gpus
            case .instances: return .instances
            case .charts: return nil
            }
        }
    }

    package var chartWindowSeconds: Int { UIState.chartWindows[chartWindowIndex] }

    /// Whether an insight screen is open (an instance's details show values the overview does not read).
    package var showsDetail: Bool { screen == .insight && !insight.stack.isEmpty }

    package func selected(_ list: List) -> Int { selection[list] ?? 0 }
    package func sorting(_ list: List) -> Sort { sort[list] ?? UIState.defaultSorts[list] ?? Sort() }

    /// Before the user sorts: GPUs by node, instances by node (their table's third column), targets by name.
    package static let defaultSorts: [List: Sort] = [.instances: Sort(column: 2)]
}
