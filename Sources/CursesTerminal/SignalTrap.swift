import Dashboard
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The last SIGINT, SIGTERM, SIGHUP or SIGQUIT received; written by the signal handler (a lock-free store is async-signal-safe) and
/// read by the UI loop, which restores the terminal before exiting.
let pendingSignal = Atomic<Int32>(0)
/// The write end of `SignalTrap.wake`, for the handlers (which cannot reach a class instance safely).
let signalWakeDescriptor = Atomic<Int32>(-1)
/// ncurses' own SIGWINCH handler, which `SignalTrap.wakeOnResize` calls before waking the loop.
nonisolated(unsafe) private var cursesResizeHandler: (@convention(c) (Int32) -> Void)?

/// Installs handlers for the signals that end the program — SIGINT (Ctrl-C), SIGTERM, SIGHUP (the ssh session or
/// the terminal window went away) and SIGQUIT — that only record the signal and wake the UI loop, so it runs
/// `endwin` (normal screen, cursor shown, mouse reporting off) and hands the signal to the command, which closes a
/// recording before the process ends; and makes a resize wake the loop too. The UI loop sleeps in `poll` on the terminal and `wake`, and a
/// process's signal lands on any of its threads, so a handler must ring the pipe for the loop to notice at once.
enum SignalTrap {
    static let wake = WakePipe()

    static func install() {
        signalWakeDescriptor.store(wake?.writeDescriptor ?? -1, ordering: .relaxed)
        let handler: @convention(c) (Int32) -> Void = { signal in
            pendingSignal.store(signal, ordering: .relaxed)
            WakePipe.ring(signalWakeDescriptor.load(ordering: .relaxed))
        }
        // Installed before curses starts: ncurses only adds its own handlers where the disposition is the default.
        for ending in endingSignals { signal(ending, handler) }
    }

    /// The signals that end the dashboard after the terminal is restored.
    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Call after curses has started: keeps ncurses' SIGWINCH handler (which makes the next read return
    /// KEY_RESIZE) and rings `wake` after it.
    static func wakeOnResize() {
        #if canImport(Glibc)
            var current = sigaction()
            sigaction(SIGWINCH, nil, &current)
            // SIG_DFL and SIG_IGN are the "addresses" 0 and 1, not functions to call.
            if let previous = current.__sigaction_handler.sa_handler, unsafeBitCast(previous, to: Int.self) > 1 {
                cursesResizeHandler = previous
            }
            let handler: @convention(c) (Int32) -> Void = { signal in
                cursesResizeHandler?(signal)
                WakePipe.ring(signalWakeDescriptor.load(ordering: .relaxed))
            }
            signal(SIGWINCH, handler)
        #endif
    }

    /// The signal received since the start, or nil.
    static var pending: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
