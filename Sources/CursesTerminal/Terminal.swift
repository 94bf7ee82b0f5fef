import Dashboard

/// What the dashboard needs of a terminal: its size and capabilities, its input, a frame drawn in a theme, and
/// a wait until something happens. `CursesScreen` is the real one; `MemoryTerminal` draws into memory and plays
/// scripted input, so the whole loop runs in tests without a terminal (as ratatui's `TestBackend` does).
@MainActor
package protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    var hasColors: Bool { get }
    var colorCount: Int { get }
    /// The locale the terminal runs under (it decides the automatic glyph set).
    var locale: String? { get }
    /// Input read without blocking: a key, a resize, or nil when there is none.
    func read() -> TerminalInput?
    /// Draws `canvas` in `theme` (at `depth`); `themeID` tells a theme change from a redraw in the same one.
    func draw(_ canvas: Canvas, theme: Theme, depth: ColorDepth, themeID: Int)
    /// Forgets what is on screen, so the next draw repaints everything (after a resize).
    func invalidate()
    /// Blocks until input, a ring on one of `pipes`, or `limit`; false when the terminal is gone (hung up).
    func wait(orAny pipes: [WakePipe], atMost limit: Duration) -> Bool
    /// Restores the terminal; idempotent, so every way out can call it.
    func stop()
}

/// Input from a terminal.
package enum TerminalInput: Sendable, Equatable {
    case key(Key)
    case resize
}
