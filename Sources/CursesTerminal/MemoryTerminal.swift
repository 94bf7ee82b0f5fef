import Dashboard

/// A terminal in memory, for tests: it plays a script of input batches (one batch is read between two waits,
/// the way keys typed during a frame arrive together), keeps every frame drawn with its theme, and hangs up when
/// the script is over, so a loop that never quits still ends.
@MainActor
package final class MemoryTerminal: Terminal {
    /// One step of the script: keys to read, or a new size (read as a resize).
    package enum Step: Sendable, Equatable {
        case key(Key)
        case resize(Size)
    }

    package private(set) var size: Size
    package let hasColors = true
    package let colorCount = 256
    package let locale: String? = "C.UTF-8"
    /// Every frame drawn, in order, with the id of the theme it was drawn in.
    package private(set) var frames: [(canvas: Canvas, themeID: Int)] = []
    package private(set) var stopped = false
    /// Waits so far (each one hands over the next batch of the script).
    package private(set) var waits = 0
    private var script: [[Step]]
    private var pending: [Step] = []

    package init(size: Size, script: [[Step]]) {
        self.size = size
        self.script = script
        // The first batch is there from the start, as keys typed before the dashboard came up are.
        pending = script.isEmpty ? [] : self.script.removeFirst()
    }

    package func read() -> TerminalInput? {
        guard !pending.isEmpty else { return nil }
        switch pending.removeFirst() {
        case .key(let key):
            return .key(key)
        case .resize(let new):
            size = new
            return .resize
        }
    }

    package func draw(_ canvas: Canvas, theme: Theme, depth: ColorDepth, themeID: Int) {
        frames.append((canvas, themeID))
    }

    package func invalidate() {}

    package func wait(orAny pipes: [WakePipe], atMost limit: Duration) -> Bool {
        waits += 1
        guard !script.isEmpty else { return false }
        pending += script.removeFirst()
        return true
    }

    package func stop() {
        stopped = true
    }
}
