import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The pending SIGINT, SIGTERM, SIGHUP or SIGQUIT of a headless command, so it can stop cleanly (close its
/// files) instead of dying.
private let interruptReceived = Atomic<Bool>(false)

final class InterruptSignal: Sendable {
    init() {
        let handler: @convention(c) (Int32) -> Void = { _ in interruptReceived.store(true, ordering: .relaxed) }
        for ending in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { signal(ending, handler) }
    }

    var received: Bool { interruptReceived.load(ordering: .relaxed) }
}
