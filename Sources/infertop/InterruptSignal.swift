#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The pending SIGINT/SIGTERM of a headless command, so it can stop cleanly (close its files) instead of dying.
private let interruptReceived = Atomic<Bool>(false)

final class InterruptSignal: Sendable {
    init() {
        let handler: @convention(c) (Int32) -> Void = { _ in interruptReceived.store(true, ordering: .relaxed) }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
    }

    var received: Bool { interruptReceived.load(ordering: .relaxed) }
}
