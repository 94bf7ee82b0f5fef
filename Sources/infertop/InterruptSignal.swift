import Dashboard
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

private let interruptReceived = Atomic<Bool>(false)
/// The write end of the pipe the handler rings (-1: none), read in the handler, where only a `write(2)` may run.
private let interruptPipe = Atomic<Int32>(-1)

/// The pending SIGINT, SIGTERM, SIGHUP or SIGQUIT of a headless command, so it can stop cleanly (close its
/// files) instead of dying.
final class InterruptSignal: Sendable {
    /// Rung by the handler, so `wait` sleeps in `poll(2)` until a signal comes instead of looking on a timer.
    private let pipe = WakePipe()

    init() {
        interruptPipe.store(pipe?.writeDescriptor ?? -1, ordering: .relaxed)
        let handler: @convention(c) (Int32) -> Void = { _ in
            interruptReceived.store(true, ordering: .relaxed)
            let descriptor = interruptPipe.load(ordering: .relaxed)
            if descriptor >= 0 { WakePipe.ring(descriptor) }
        }
        for ending in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { signal(ending, handler) }
    }

    deinit { interruptPipe.store(-1, ordering: .relaxed) }

    var received: Bool { interruptReceived.load(ordering: .relaxed) }

    /// Returns once one of the signals has come, or at `deadline` (nil: none). The wait is a `poll(2)` on a thread
    /// of its own (a task must not block its executor's thread), so a recorder left running wakes for nothing
    /// else: it looked for the signal ten times a second. Without a pipe (no descriptors left) it still looks.
    func wait(until deadline: ContinuousClock.Instant?) async {
        guard let pipe else {
            let clock = ContinuousClock()
            while !received, deadline.map({ clock.now < $0 }) ?? true { try? await Task.sleep(for: .milliseconds(100)) }
            return
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                let clock = ContinuousClock()
                while !self.received {
                    var timeoutMs: Int32 = -1
                    if let deadline {
                        let left = clock.now.duration(to: deadline)
                        if left <= .zero { break }
                        // Rounded up, so a wait never ends just before its deadline and loops to wait for 0 ms.
                        let (seconds, attoseconds) = left.components
                        timeoutMs = Int32(clamping: seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
                    }
                    var ready = pollfd(fd: pipe.descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&ready, 1, timeoutMs)
                    pipe.drain()
                }
                continuation.resume()
            }
        }
    }
}
