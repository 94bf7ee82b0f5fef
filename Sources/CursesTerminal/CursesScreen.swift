import CNCurses
import Dashboard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only code that calls ncurses: starts and restores the terminal, blits a `Canvas` (the stretches of cells that
/// changed since the last frame), and turns curses key codes into `Key`s.
@MainActor
final class CursesScreen: Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Canvas?
    /// The palette of the theme last drawn in, with its id (a new theme repaints the whole screen).
    private var palette: (themeID: Int, value: CursesPalette)?
    private(set) var stopped = false
    /// What `setlocale` settled on; decides the automatic glyph set.
    let locale: String?

    /// Starts curses: locale (with a C.UTF-8 fallback), Unicode box lines, raw keys without echo, no cursor.
    init(mouse: Bool) throws(TerminalError) {
        var chosen = setlocale(LC_ALL, "").map { String(cString: $0) }
        if chosen == nil || chosen == "C" || chosen == "POSIX" {
            chosen = setlocale(LC_CTYPE, "C.UTF-8").map { String(cString: $0) } ?? chosen
        }
        locale = chosen
        // ncurses otherwise draws lines in the VT100 alternate charset, which some terminals show as "lqqk".
        setenv("NCURSES_NO_UTF8_ACS", "1", 0)
        guard tui_newterm() != nil, let window = tui_stdscr() else {
            throw TerminalError(
                "infertop: curses could not open the terminal (TERM=\(String(cString: getenv("TERM")))); "
                    + "use --frames N for text output")
        }
        self.window = window
        if has_colors() {
            start_color()
            use_default_colors()
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        tui_define_navigation_keys()
        nodelay(window, true)
        curs_set(0)
        // No look for typed-ahead keys while a frame is written (a poll(2) per changed line): the loop reads
        // every key before it draws, and a frame is small.
        typeahead(-1)
        // Until the screen has been left once with endwin, ncurses (6.4) takes it for one a terminfo program
        // drives, and flushes after every cursor move: a write(2) per changed stretch of a line, about 170 a
        // second at 64 GPUs, each waking the terminal. Leaving and coming back at once makes it send a frame
        // in one write.
        endwin()
        wrefresh(window)
        tui_set_escdelay(25)
        if mouse { tui_enable_mouse() }
    }

    var colorCount: Int { Int(tui_colors()) }
    var hasColors: Bool { has_colors() }

    /// The current size in cells.
    var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Restores the terminal (idempotent, so every exit path can call it).
    func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
    }

    /// Forgets the last frame so the next blit repaints everything (after a resize or a theme change).
    func invalidate() {
        previous = nil
        wclear(window)
    }

    /// Draws what differs from the last frame: per row, each stretch of changed cells, in runs of one role. A 1 Hz
    /// frame mostly changes numbers here and there along a row: at 64 GPUs, 350 of the 3,600 cells that lay between
    /// the first and the last changed cell of their rows, which curses would otherwise take in, decode and compare.
    func draw(_ canvas: Canvas, theme: Theme, depth: ColorDepth, themeID: Int) {
        let palette: CursesPalette
        if let kept = self.palette, kept.themeID == themeID {
            palette = kept.value
        } else {
            palette = CursesPalette(theme: theme, depth: depth)
            self.palette = (themeID, palette)
            previous = nil
        }
        if previous == nil || previous?.size != canvas.size {
            invalidate()
            wbkgdset(window, chtype(tui_a_normal()) | chtype(UInt32(palette.backgroundPair) << 8))
        }
        for y in 0..<canvas.height {
            let spans = previous.map { Self.changedSpans($0, canvas, y) } ?? [0..<canvas.width]
            for span in spans { draw(canvas, y, span, palette) }
        }
        previous = canvas
        wrefresh(window)
    }

    /// Writes the cells `span` of row `y`, in runs of one role.
    private func draw(_ canvas: Canvas, _ y: Int, _ span: Range<Int>, _ palette: CursesPalette) {
        var x = span.lowerBound
        while x < span.upperBound {
            let role = canvas[x, y].role
            var run = ""
            let start = x
            while x < span.upperBound, canvas[x, y].role == role {
                let cell = canvas[x, y]
                if !cell.isContinuation { run.append(cell.character) }
                x += 1
            }
            wattr_set(window, palette.attribute(role), palette.pair(role), nil)
            // The bottom-right cell cannot be written without scrolling on most terminals: stop one short there.
            if y == canvas.height - 1 && x == canvas.width, !run.isEmpty { run.removeLast() }
            _ = mvwaddstr(window, Int32(y), Int32(start), run)
        }
    }

    /// The stretches of row `y` whose cells changed, in order: changed cells a few columns apart share a stretch
    /// (one call instead of several), and a stretch is widened so that a wide character is never cut in half. Empty
    /// when the row is unchanged. Both canvases have the same size.
    static func changedSpans(_ a: Canvas, _ b: Canvas, _ y: Int) -> [Range<Int>] {
        let row = y * b.width
        var spans: [Range<Int>] = []
        var x = 0
        while x < b.width {
            guard a.cells[row + x] != b.cells[row + x] else {
                x += 1
                continue
            }
            var low = x
            var high = x
            var next = x + 1
            while next < b.width && next - high <= mergeGap {
                if a.cells[row + next] != b.cells[row + next] { high = next }
                next += 1
            }
            while low > 0 && (b[low, y].isContinuation || a[low, y].isContinuation) { low -= 1 }
            while high + 1 < b.width && (b[high + 1, y].isContinuation || a[high + 1, y].isContinuation) { high += 1 }
            if let last = spans.last, last.upperBound >= low {
                spans[spans.count - 1] = last.lowerBound..<(high + 1)
            } else {
                spans.append(low..<(high + 1))
            }
            x = high + 1
        }
        return spans
    }

    /// Unchanged cells between two changed ones that are sent again rather than starting another stretch.
    static let mergeGap = 4

    /// Blocks until the terminal has input, one of `pipes` rings, or `limit` passes (a signal that lands on
    /// this thread ends the wait early too), then empties the pipes that rang. Keys already buffered by curses
    /// are drained by `read` before this is called. Returns false when the terminal has hung up (its other end is
    /// closed: a dropped ssh session, a killed window), which `poll` reports whether or not a SIGHUP reached us.
    func wait(orAny pipes: [WakePipe], atMost limit: Duration) -> Bool {
        let (seconds, attoseconds) = limit.components
        let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        var descriptors =
            [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
            + pipes.map { pollfd(fd: $0.descriptor, events: Int16(POLLIN), revents: 0) }
        guard poll(&descriptors, nfds_t(descriptors.count), max(0, milliseconds)) > 0 else { return true }
        for (pipe, descriptor) in zip(pipes, descriptors.dropFirst()) where descriptor.revents != 0 { pipe.drain() }
        return descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) == 0
    }

    func read() -> TerminalInput? {
        var wide: wint_t = 0
        let result = wget_wch(window, &wide)
        if result == ERR { return nil }
        if result == KEY_CODE_YES { return special(Int32(wide)) }
        switch wide {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(UInt32(wide)), wide >= 32 else { return read() }
            return .key(.character(Character(scalar)))
        }
    }

    private func special(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_BTAB: return .key(.backTab)
        case KEY_MOUSE:
            var x: Int32 = 0
            var y: Int32 = 0
            switch tui_read_mouse(&x, &y) {
            case 1: return .key(.click(x: Int(x), y: Int(y)))
            case 2: return .key(.wheelUp)
            case 3: return .key(.wheelDown)
            default: return read()
            }
        default: return read()
        }
    }
}
