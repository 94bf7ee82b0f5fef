/// Everything the user chose that shapes the picture: the screen stack, focus, selections, sort, filter, pause,
/// chart window, theme, glyphs, compact mode. A plain value, changed only by `UIReducer`, so every transition is
/// testable.
package struct UIState: Equatable, Sendable {
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

    /// The open layers, the overview at the bottom and the one that takes keys on top (see `ScreenID`).
    package private(set) var stack: [ScreenID] = [.overview]
    package var focus: Panel = .gpus
    package var selection: [List: Int] = [:]
    package var sort: [List: Sort] = [:]
    package var filter = ""
    package var paused = false
    package var chartWindowIndex = 1
    package var themeIndex = 0
    package var glyphIndex = 0
    package var compact = false
    package var quitRequested = false
    /// The insight screens' selections and modes (Sources/Dashboard/Insight).
    package var insight = InsightUIState()
    /// The source is a replay: the replay keys (← → [ ] g Home End) are in force.
    package var replay = false
    /// What was typed into a replay's `g` prompt.
    package var seekText = ""
    /// The last replay move asked for, and a counter that changes with every request (the runner sends each one
    /// to the feed once).
    package var replayRequest: ReplayMove?
    package var replayRequestCount = 0

    package init() {}

    /// The overview with `screen` open on it.
    package init(showing screen: ScreenID) {
        open(screen)
    }

    /// The layer that takes keys.
    package var top: ScreenID { stack.last ?? .overview }

    /// The full screen drawn under any overlay or prompt.
    package var screen: ScreenID { stack.last { $0.page.kind == .screen } ?? .overview }

    /// Opens `layer` on top; a layer already open is returned to (what was above it closes) instead of stacked
    /// twice. A full screen closes the help on its way.
    package mutating func open(_ layer: ScreenID) {
        if let index = stack.firstIndex(of: layer) {
            stack.removeSubrange((index + 1)...)
            return
        }
        if layer.page.kind == .screen { stack.removeAll { $0 == .help } }
        stack.append(layer)
    }

    /// Closes the top layer; the overview never closes.
    package mutating func closeTop() {
        if stack.count > 1 { stack.removeLast() }
    }

    /// "overview › GPU node-0/1 › instance …": the full screens open, where Esc leads back through.
    package var breadcrumbs: [String] { stack.filter { $0.page.kind == .screen }.map(\.title) }

    /// The list that movement keys act on: the focused panel's on the overview, the targets on their screen.
    package var activeList: List? {
        switch screen {
        case .targets: return .targets
        case .overview:
            switch focus {
            case .gpus: return .gpus
            case .instances: return .instances
            case .charts: return nil
            }
        default: return nil
        }
    }

    package var chartWindowSeconds: Int { UIState.chartWindows[chartWindowIndex] }

    /// Whether an insight screen is shown (an instance's details show values the overview does not read).
    package var showsDetail: Bool { screen != .overview && screen != .targets }

    package func selected(_ list: List) -> Int { selection[list] ?? 0 }
    package func sorting(_ list: List) -> Sort { sort[list] ?? UIState.defaultSorts[list] ?? Sort() }

    /// Before the user sorts: GPUs by node, instances by node (their table's third column), targets by name.
    package static let defaultSorts: [List: Sort] = [.instances: Sort(column: 2)]
}
