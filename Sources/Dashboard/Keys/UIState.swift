/// Everything the user chose that shapes the picture: screen, focus, selections, sort, filter, pause, chart window,
/// theme, glyphs, compact mode. A plain value, changed only by `UIReducer`, so every transition is testable.
public struct UIState: Equatable, Sendable {
    /// A full screen. The detail screens of the next issue become new cases here.
    public enum Screen: Sendable, Equatable { case overview, targets, insight }
    /// A focusable panel of the overview.
    public enum Panel: Int, Sendable, CaseIterable { case gpus, instances, charts }
    /// A scrollable, sortable list.
    public enum List: Int, Sendable, CaseIterable { case gpus, instances, targets }

    /// How one list is sorted: a column of that list's table (an index into its columns), and the direction.
    public struct Sort: Equatable, Sendable {
        public var column: Int
        public var descending: Bool
        public init(column: Int = 0, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }
    }

    /// Chart windows `+`/`-` step through, in seconds.
    public static let chartWindows: [Int] = [60, 300, 900, 3600]

    public var screen: Screen = .overview
    public var focus: Panel = .gpus
    public var helpVisible = false
    public var selection: [List: Int] = [:]
    public var sort: [List: Sort] = [:]
    public var filter = ""
    public var filterEditing = false
    public var paused = false
    public var chartWindowIndex = 1
    public var themeIndex = 0
    public var glyphIndex = 0
    public var compact = false
    public var quitRequested = false
    /// The insight screens' stack and selections (Sources/Dashboard/Insight).
    public var insight = InsightUIState()
    /// The source is a replay: the replay keys (← → [ ] g Home End) are in force.
    public var replay = false
    /// The `g` prompt of a replay is open, holding what was typed.
    public var seekEditing = false
    public var seekText = ""
    /// The last replay move asked for, and a counter that changes with every request (the runner sends each one
    /// to the feed once).
    public var replayRequest: ReplayMove?
    public var replayRequestCount = 0

    public init() {}

    /// The list that movement keys act on: the focused panel's on the overview, the targets on their screen.
    public var activeList: List? {
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

    public var chartWindowSeconds: Int { UIState.chartWindows[chartWindowIndex] }

    /// Whether an insight screen is open (an instance's details show values the overview does not read).
    public var showsDetail: Bool { screen == .insight && !insight.stack.isEmpty }

    public func selected(_ list: List) -> Int { selection[list] ?? 0 }
    public func sorting(_ list: List) -> Sort { sort[list] ?? UIState.defaultSorts[list] ?? Sort() }

    /// Before the user sorts: GPUs by node, instances by node (their table's third column), targets by name.
    public static let defaultSorts: [List: Sort] = [.instances: Sort(column: 2)]
}
