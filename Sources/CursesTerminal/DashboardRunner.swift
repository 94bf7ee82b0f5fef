import Dashboard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the interactive dashboard until `q`, an ending signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) or the terminal
/// hanging up (ended as SIGHUP), always restoring the terminal first; it returns how it ended, and the command
/// decides the exit code (only the executable ends the process, so a recording is closed on every path).
/// It pumps a `DashboardLoop` with a `Terminal`: drains the input, takes the feed's latest frame (collection runs
/// elsewhere), draws only when the data or the UI changed, then sleeps until a key, the feed's wake pipe (a new
/// frame) or a signal's: a dashboard at 1 Hz wakes about once a second. A feed without a wake pipe is looked at
/// every `frameCheck`.
@MainActor
package enum DashboardRunner {
    /// Runs on the process's terminal with ncurses, the ending signals trapped.
    package static func run(feed: some DashboardFeed, options: DashboardOptions) async throws -> DashboardEnd {
        try TerminalCheck.requireInteractive(environment: options.environment)
        // Loaded before curses starts, so a bad theme file's error is printed on a normal screen.
        let themes = try ThemeRing(options: options)
        SignalTrap.install()
        let screen = try CursesScreen(mouse: options.mouse)
        defer { screen.stop() }
        SignalTrap.wakeOnResize()
        return try await run(
            feed: feed, options: options, terminal: screen, themes: themes,
            pipes: [SignalTrap.wake].compactMap { $0 }, pendingSignal: { SignalTrap.pending })
    }

    /// Runs on `terminal` (a `MemoryTerminal` in tests) until `q`, a signal `pendingSignal` reports, or the
    /// terminal hanging up; stops the terminal on every way out. `pipes` wake the wait besides the feed's.
    package static func run(
        feed: some DashboardFeed, options: DashboardOptions, terminal: some Terminal,
        themes: ThemeRing, pipes: [WakePipe] = [],
        pendingSignal: () -> Int32? = { nil }
    ) async throws -> DashboardEnd {
        defer { terminal.stop() }
        let wakes = [feed.wake].compactMap { $0 } + pipes
        // With a wake pipe the timer is only a backstop (a lost ring cannot stall the screen for long).
        let longestWait = feed.wake == nil ? options.frameCheck : max(options.frameCheck, idleBackstop)
        let depth =
            options.colorDepth
            ?? ColorDepth.detect(hasColors: terminal.hasColors, colors: terminal.colorCount, environment: options.environment)
        let automatic = GlyphSet.automatic(locale: terminal.locale)
        let chosen = GlyphSet.named(options.glyphs ?? "") ?? automatic
        var loop = DashboardLoop(
            frame: feed.latest(), size: terminal.size, themeIndex: themes.firstIndex,
            themeCount: themes.count, glyphSets: [chosen] + GlyphSet.all.filter { $0 != chosen },
            replay: options.replay)
        var themesByIndex = themes
        while true {
            if let signal = pendingSignal() { return .signal(signal) }
            while let input = terminal.read() {
                switch input {
                case .key(let key):
                    for command in loop.handle(.key(key)) { feed.send(command) }
                case .resize:
                    terminal.invalidate()
                    _ = loop.handle(.resize(terminal.size))
                }
            }
            if loop.quitRequested { return .quit }
            _ = loop.handle(.frame(feed.latest()))
            if let (canvas, themeIndex) = loop.render() {
                terminal.draw(canvas, theme: themesByIndex.theme(at: themeIndex), depth: depth, themeID: themeIndex)
            }
            // The terminal is gone and no SIGHUP came (a session leader that ignores it does not pass it on): end
            // as a hang-up does, instead of spinning on a terminal that will never answer.
            guard terminal.wait(orAny: wakes, atMost: longestWait) else { return .signal(SIGHUP) }
            try Task.checkCancellation()
            // Lets other main-actor work run between waits; the loop itself never suspends otherwise.
            await Task.yield()
        }
    }

    /// The longest the loop sleeps with nothing ringing when the feed has a wake pipe.
    static let idleBackstop = Duration.seconds(1)
}
