import CursesTerminal
import Dashboard
import Foundation
import Synchronization
import Testing

/// The dashboard's loop without a terminal (issue 17): the loop as a value, event by event, and the runner
/// pumping it with a `MemoryTerminal` as it pumps ncurses: keys, resizes, new frames, quitting and hanging up.
@MainActor @Suite struct DashboardLoopTests {
    static let size = Size(width: 120, height: 40)

    static func loop(frame: DashboardFrame = SampleCluster.frame(ticks: 5)) -> DashboardLoop {
        DashboardLoop(frame: frame, size: size, themeIndex: 0, themeCount: 3, glyphSets: [GlyphSet.all[0]], replay: false)
    }

    static func frame(generation: Int) -> DashboardFrame {
        var frame = SampleCluster.frame(ticks: 5)
        frame.generation = generation
        return frame
    }

    @Test func drawsOnlyWhatChangedAndTellsTheFeedWhatTheUserAsked() throws {
        var loop = Self.loop()
        #expect(loop.render()?.canvas.size == Self.size, "the first turn draws")
        #expect(loop.render() == nil, "nothing changed: nothing drawn")
        #expect(loop.handle(.frame(Self.frame(generation: 5))).isEmpty)
        #expect(loop.render() == nil, "the same frame again is no change")
        _ = loop.handle(.frame(Self.frame(generation: 6)))
        #expect(loop.render() != nil, "a new frame is drawn")

        #expect(loop.handle(.key(.character(" "))) == [.pause])
        _ = loop.render()
        _ = loop.handle(.frame(Self.frame(generation: 7)))
        #expect(loop.frame.generation == 6, "paused: the live frame waits")
        #expect(loop.handle(.key(.character(" "))) == [.resume])
        _ = loop.handle(.frame(Self.frame(generation: 7)))
        #expect(loop.frame.generation == 7)

        #expect(loop.handle(.key(.character("t"))).isEmpty)
        #expect(loop.render()?.themeIndex == 1, "t: the next theme")
        _ = loop.handle(.resize(Size(width: 80, height: 24)))
        #expect(loop.render()?.canvas.size == Size(width: 80, height: 24))
        #expect(!loop.quitRequested)
        _ = loop.handle(.key(.character("q")))
        #expect(loop.quitRequested)
    }

    @Test func theRunnerDrawsKeysAndResizesAndEndsOnQuit() async throws {
        let feed = FixedFeed(Self.frame(generation: 1))
        let terminal = MemoryTerminal(
            size: Self.size,
            script: [
                [],  // the first screen
                [],  // nothing happened: nothing drawn
                [.key(.character("t"))],  // the next theme
                [.resize(Size(width: 80, height: 24))],
                [.key(.character(" "))],  // pause: the feed is told
                [.key(.character("q"))],
            ])
        let end = try await DashboardRunner.run(
            feed: feed, options: DashboardOptions(), terminal: terminal,
            themes: ThemeRing(options: DashboardOptions()))
        #expect(end == .quit)
        #expect(terminal.stopped, "the terminal is restored on the way out")
        #expect(
            terminal.frames.map(\.canvas.size) == [
                Self.size, Self.size, Size(width: 80, height: 24), Size(width: 80, height: 24),
            ])
        #expect(terminal.frames.map(\.themeID) == [0, 1, 1, 1])
        #expect(terminal.frames.first?.canvas.plainText.contains("GPUs") == true)
        #expect(feed.commands == [.pause])
    }

    @Test func aTerminalThatHangsUpEndsTheRunAsSIGHUPAndIsRestored() async throws {
        let feed = FixedFeed(Self.frame(generation: 1))
        let terminal = MemoryTerminal(size: Self.size, script: [[.key(.character("j"))]])
        let end = try await DashboardRunner.run(
            feed: feed, options: DashboardOptions(), terminal: terminal,
            themes: ThemeRing(options: DashboardOptions()))
        #expect(end == .signal(SIGHUP))
        #expect(terminal.stopped && terminal.frames.count == 1)
    }

    @Test func aSignalEndsTheRunBeforeAnythingIsDrawn() async throws {
        let terminal = MemoryTerminal(size: Self.size, script: [[], []])
        let end = try await DashboardRunner.run(
            feed: FixedFeed(Self.frame(generation: 1)), options: DashboardOptions(),
            terminal: terminal, themes: ThemeRing(options: DashboardOptions()),
            pendingSignal: { SIGTERM })
        #expect(end == .signal(SIGTERM) && terminal.stopped && terminal.frames.isEmpty)
    }
}

/// A feed with one frame that keeps the commands it is sent.
final class FixedFeed: DashboardFeed {
    private let frame: DashboardFrame
    private let sent = Mutex<[FeedCommand]>([])

    init(_ frame: DashboardFrame) { self.frame = frame }

    func latest() -> DashboardFrame { frame }
    func send(_ command: FeedCommand) { sent.withLock { $0.append(command) } }
    var commands: [FeedCommand] { sent.withLock { $0 } }
}
