/// The dashboard's loop as a value: what happens (a key, a resize, the feed's newest frame) goes in, and what to
/// do comes out: commands for the feed, a canvas to draw when something changed, the end when the user quits.
/// It holds the UI state and the frame on screen, and does no I/O: `DashboardRunner` pumps it with a terminal
/// (ncurses, or `MemoryTerminal` in tests), and `DashboardLoopTests` drive it key by key.
package struct DashboardLoop: Sendable {
    /// Something that happened.
    package enum Event: Sendable {
        case key(Key)
        /// The terminal now has this size.
        case resize(Size)
        /// The feed's newest frame (looked at on every turn; taken only when it is new and the display runs).
        case frame(DashboardFrame)
    }

    package private(set) var state: UIState
    /// The frame on screen.
    package private(set) var frame: DashboardFrame
    package private(set) var size: Size
    /// The glyph sets `g` cycles through, the first being the one asked for (or the locale's).
    package let glyphSets: [GlyphSet]
    let themeCount: Int
    private var needsDraw = true

    package init(frame: DashboardFrame, size: Size, themeIndex: Int, themeCount: Int, glyphSets: [GlyphSet], replay: Bool) {
        var state = UIState()
        state.themeIndex = themeIndex
        state.replay = replay
        self.state = state
        self.frame = frame
        self.size = size
        self.themeCount = max(1, themeCount)
        self.glyphSets = glyphSets.isEmpty ? [GlyphSet.all[0]] : glyphSets
    }

    /// Whether the user asked to quit.
    package var quitRequested: Bool { state.quitRequested }

    /// Takes one event; returns what the feed must be told (pause, resume, chart window, detail, replay moves).
    package mutating func handle(_ event: Event) -> [FeedCommand] {
        switch event {
        case .key(let key):
            needsDraw = true
            let before = state
            state = Self.apply(key, to: state, frame: frame, size: size, themeCount: themeCount)
            var commands: [FeedCommand] = []
            if state.paused != before.paused { commands.append(state.paused ? .pause : .resume) }
            if state.chartWindowSeconds != before.chartWindowSeconds {
                commands.append(.chartWindow(seconds: state.chartWindowSeconds))
            }
            if state.showsDetail != before.showsDetail { commands.append(.detail(state.showsDetail)) }
            if state.replayRequestCount != before.replayRequestCount, let move = state.replayRequest {
                commands.append(.replay(move))
            }
            return commands
        case .resize(let new):
            needsDraw = true
            size = new
            return []
        case .frame(let latest):
            // A live source keeps collecting while the display is paused; a replay pauses itself and still shows
            // the steps and jumps asked of it.
            if (!state.paused || state.replay) && (latest.generation != frame.generation || latest.source != frame.source) {
                frame = latest
                needsDraw = true
            }
            return []
        }
    }

    /// The screen to draw when anything changed since the last one (nil when nothing did: an idle dashboard
    /// draws nothing), with the theme it is to be drawn in.
    package mutating func render() -> (canvas: Canvas, themeIndex: Int)? {
        guard needsDraw else { return nil }
        needsDraw = false
        let glyphs = glyphSets[state.glyphIndex % glyphSets.count]
        return (DashboardView.render(frame, state: state, size: size, glyphs: glyphs), state.themeIndex)
    }

    /// One key through the key table, the page on top and the reducer.
    static func apply(_ key: Key, to state: UIState, frame: DashboardFrame, size: Size, themeCount: Int) -> UIState {
        guard let action = KeyMap.action(for: key, in: state) else { return state }
        let context = UIReducer.Context(frame: frame, state: state, size: size, themeCount: themeCount)
        if case .click(let x, let y) = action {
            guard let (list, row) = DashboardView.row(atX: x, y: y, frame: frame, state: state, size: size) else { return state }
            return UIReducer.select(row: row, in: list, state: state, context: context)
        }
        return UIReducer.reduce(state, action, context: context)
    }
}
