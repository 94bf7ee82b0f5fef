import Dashboard
import Testing

/// The replay keys as state transitions: they shadow the screen's own bindings only while replaying, each move
/// becomes one request for the feed, and the `g` prompt turns typed times into jumps.
@Suite struct ReplayKeyTests {
    private func press(_ keys: [Key], _ state: UIState, startMs: Int64? = nil) -> UIState {
        var s = state
        for key in keys {
            guard let action = KeyMap.action(for: key, in: s) else { continue }
            s = UIReducer.reduce(s, action, context: UIReducer.Context(replayStartMs: startMs))
        }
        return s
    }

    private var replaying: UIState {
        var state = UIState()
        state.replay = true
        return state
    }

    @Test func replayKeysOnlyWhileReplaying() {
        #expect(KeyMap.action(for: .character("g"), in: UIState()) == .cycleGlyphs)
        #expect(KeyMap.action(for: .character("g"), in: replaying) == .startSeek)
        #expect(KeyMap.action(for: .right, in: replaying) == .replay(.stepForward))
        #expect(KeyMap.action(for: .home, in: UIState()) == .home)
        #expect(KeyMap.action(for: .home, in: replaying) == .replay(.start))
        #expect(KeyMap.action(for: .character("q"), in: replaying) == .quit)
        // The help lists each key once: the shadowed glyph binding is gone from the replay's table.
        let keys = KeyMap.table(for: replaying).flatMap(\.keys)
        #expect(keys.count == Set(keys).count)
    }

    @Test func everyMoveIsOneRequest() {
        let once = press([.right], replaying)
        #expect(once.replayRequest == .stepForward && once.replayRequestCount == 1)
        let again = press([.right, .character("]"), .character("["), .end], replaying)
        #expect(again.replayRequest == .end && again.replayRequestCount == 4)
    }

    @Test func seekPromptTakesOffsetsAndTimes() {
        let typed = press(
            [
                .character("g"), .character("1"), .character("2"), .character(":"), .character("3"),
                .character("0"), .enter,
            ], replaying)
        #expect(typed.top == .overview)
        #expect(typed.replayRequest == .seek(offsetMs: 750_000))
        let absolute = press(
            [.character("g")] + "2026-01-01T00:02:00Z".map { Key.character($0) } + [.enter], replaying,
            startMs: 1_767_225_600_000)
        #expect(absolute.replayRequest == .seek(offsetMs: 120_000))
        let cancelled = press([.character("g"), .character("9"), .escape], replaying)
        #expect(cancelled.replayRequestCount == 0 && cancelled.top == .overview && cancelled.seekText.isEmpty)
        let nonsense = press([.character("g"), .character("x"), .enter], replaying)
        #expect(nonsense.replayRequestCount == 0)
    }

    @Test func escLeavesTheTargetsScreen() {
        var state = UIState(showing: .targets)
        #expect(press([.escape], state).screen == .overview)
        state.filter = "node"
        let cleared = press([.escape], state)
        #expect(cleared.screen == .targets && cleared.filter.isEmpty)
    }

    @Test func timelineShowsPositionSpeedAndPrompt() {
        let status = ReplayStatus(
            startMs: 0, endMs: 600_000, positionMs: 300_000, speed: 4, paused: false, atEnd: false,
            eventTimesMs: [60_000])
        var canvas = Canvas(size: Size(width: 80, height: 1))
        TimelineBar.draw(&canvas, canvas.bounds, status)
        let line = canvas.line(0)
        #expect(line.hasPrefix("▶ ×4  05:00 / 10:00"))
        #expect(line.contains("●") && line.contains("╳"))
        // The `g` prompt covers the timeline row while it is open, and only then.
        var frame = SampleCluster.frame()
        frame.replay = status
        let typing = press([.character("g"), .character("1"), .character("2"), .character(":"), .character("3")], replaying)
        let size = Size(width: 120, height: 40)
        let bottom = DashboardView.render(frame, state: typing, size: size, glyphs: .braille).line(39)
        #expect(bottom.hasPrefix("go to (12:30, 90s, ISO time): 12:3"))
        #expect(DashboardView.render(frame, state: replaying, size: size, glyphs: .braille).line(39).hasPrefix("▶ ×4"))
    }
}
