#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last SIGINT/SIGTERM received; written by the signal handler (a lock-free store is async-signal-safe) and
/// read by the UI loop, which restores the terminal before exiting.
let pendingSignal = Atomic<Int32>(0)

/// Installs SIGINT and SIGTERM handlers that only record the signal, so the UI loop can run `endwin` first.
enum SignalTrap {
    static func install() {
        let handler: @convention(c) (Int32) -> Void = { signal in pendingSignal.store(signal, ordering: .relaxed) }
        // Installed before curses starts: ncurses only adds its own handlers where the disposition is the default.
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    /// The signal received since the start, or nil.
    static var pending: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}
