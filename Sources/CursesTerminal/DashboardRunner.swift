#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dashboard

/// Runs the interactive dashboard on the terminal until `q`, an ending signal (SIGINT, SIGTERM, SIGHUP,
/// SIGQUIT) or the terminal hanging up (ended as SIGHUP), always restoring the terminal first; it returns how it ended, and the command decides the exit
/// code (only the executable ends the process, so a recording is closed on every path).
/// The loop never waits for data: it drains keys, takes the feed's latest frame (collection runs elsewhere),
/// redraws only when the data or the UI changed, then sleeps in `poll` until a key, the feed's wake pipe (a new
/// frame) or a signal's: a dashboard at 1 Hz wakes about once a second. A feed without a wake pipe is looked at
/// every `frameCheck`.
@MainActor
public enum DashboardRunner {
    public static func run(feed: some DashboardFeed, options: DashboardOptions) async throws -> DashboardEnd {
        try TerminalCheck.requireInteractive(environment: options.environment)
        let catalog = options.themes
        var themeNames = catalog.names()
        let firstTheme = options.theme ?? "dark"
        // Loaded before curses starts, so a bad theme file's error is printed on a normal screen.
        let first = try catalog.load(firstTheme)
        var themes = [firstTheme: first]
        if !themeNames.contains(firstTheme) { themeNames.insert(firstTheme, at: 0) }

        SignalTrap.install()
        let screen = try CursesScreen(mouse: options.mouse)
        defer { screen.stop() }
        SignalTrap.wakeOnResize()
        let pipes = [feed.wake, SignalTrap.wake].compactMap { $0 }
        // With a wake pipe the timer is only a backstop (a lost ring cannot stall the screen for long).
        let longestWait = feed.wake == nil ? options.frameCheck : max(options.frameCheck, idleBackstop)
        let depth = options.colorDepth
            ?? ColorDepth.detect(hasColors: screen.hasColors, colors: screen.colorCount, environment: options.environment)
        let automaticGlyphs = GlyphSet.automatic(locale: screen.locale)
        let glyphSets = [GlyphSet.named(options.glyphs ?? "") ?? automaticGlyphs]
            + GlyphSet.all.filter { $0 != (GlyphSet.named(options.glyphs ?? "") ?? automaticGlyphs) }

        var state = UIState()
        state.themeIndex = themeNames.firstIndex(of: firstTheme) ?? 0
        var frame = feed.latest()
        state.replay = options.replay
        var palette = CursesPalette(theme: first, depth: depth)
        var paletteIndex = state.themeIndex
        var needsDraw = true
        while true {
            if let signal = SignalTrap.pending {
                screen.stop()
                return .signal(signal)
            }
            let size = screen.size
            while let input = screen.read() {
                needsDraw = true
                guard case let .key(key) = input else { screen.invalidate(); continue }
                let before = state
                state = apply(key, to: state, frame: frame, size: size, themeCount: themeNames.count)
                if state.paused != before.paused { feed.send(state.paused ? .pause : .resume) }
                if state.chartWindowSeconds != before.chartWindowSeconds {
                    feed.send(.chartWindow(seconds: state.chartWindowSeconds))
                }
                if state.showsDetail != before.showsDetail { feed.send(.detail(state.showsDetail)) }
                if state.replayRequestCount != before.replayRequestCount, let move = state.replayRequest {
                    feed.send(.replay(move))
                }
            }
            if state.quitRequested { return .quit }
            // A live source keeps collecting while the display is paused; a replay pauses itself and still
            // shows the steps and jumps asked of it.
            if !state.paused || state.replay {
                let latest = feed.latest()
                if latest.generation != frame.generation || latest.source != frame.source {
                    frame = latest
                    needsDraw = true
                }
            }
            if state.themeIndex != paletteIndex {
                let name = themeNames[state.themeIndex]
                // A broken user theme met while cycling is skipped: nothing may be printed behind curses.
                if themes[name] == nil, let loaded = try? catalog.load(name) { themes[name] = loaded }
                palette = CursesPalette(theme: themes[name] ?? first, depth: depth)
                paletteIndex = state.themeIndex
            }
            if needsDraw {
                let glyphs = glyphSets[state.glyphIndex % glyphSets.count]
                screen.blit(DashboardView.render(frame, state: state, size: size, glyphs: glyphs), palette: palette,
                            paletteID: paletteIndex)
                needsDraw = false
            }
            guard screen.waitForInput(orAny: pipes, atMost: longestWait) else {
                // The terminal is gone and no SIGHUP came (a session leader that ignores it does not pass it on):
                // end as a hang-up does, instead of spinning on a terminal that will never answer.
                screen.stop()
                return .signal(SIGHUP)
            }
            try Task.checkCancellation()
            // Lets other main-actor work run between waits; the loop itself never suspends otherwise.
            await Task.yield()
        }
    }

    /// The longest the loop sleeps with nothing ringing when the feed has a wake pipe.
    static let idleBackstop = Duration.seconds(1)

    /// One key through the key table and the reducer, with the counts the reducer needs.
    static func apply(_ key: Key, to state: UIState, frame: DashboardFrame, size: Size, themeCount: Int) -> UIState {
        guard let action = KeyMap.action(for: key, in: state) else { return state }
        if case let .insight(insight) = action { return InsightReducer.reduce(state, insight, frame: frame) }
        let context = UIReducer.Context(rowCounts: ClusterQuery.rowCounts(frame.snapshot, state),
                                        sortColumns: ClusterQuery.sortColumns, themeCount: themeCount,
                                        pageRows: DashboardView.pageRows(frame, state: state, size: size),
                                        replayStartMs: frame.replay?.startMs)
        if case let .click(x, y) = action {
            guard let (list, row) = DashboardView.row(atX: x, y: y, frame: frame, state: state, size: size) else { return state }
            return UIReducer.select(row: row, in: list, state: state, context: context)
        }
        return UIReducer.reduce(state, action, context: context)
    }
}
