#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipe that wakes a thread waiting in `poll(2)`: `ring()` writes a byte, the waiter polls `descriptor` and
/// then `drain()`s it. The dashboard waits on the terminal and on these together, so it wakes for a key, a
/// new frame or a signal, and otherwise sleeps (it used to look at its feed ten times a second).
///
/// Both ends are non-blocking: a ring into a full pipe is dropped (the waiter is already due to wake), and
/// `ring` is only a `write(2)`, so a signal handler may call it.
package final class WakePipe: Sendable {
    /// The end to poll for reading.
    package let descriptor: Int32
    /// The end `ring` writes to.
    package let writeDescriptor: Int32

    /// Nil when the process is out of descriptors; the dashboard then looks at its feed on a timer instead.
    package init?() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        descriptor = ends[0]
        writeDescriptor = ends[1]
    }

    deinit {
        close(descriptor)
        close(writeDescriptor)
    }

    package func ring() {
        WakePipe.ring(writeDescriptor)
    }

    /// Rings a pipe by its write end, with nothing else: what a signal handler may do.
    package static func ring(_ writeDescriptor: Int32) {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe, so the next `poll` waits for the next ring.
    package func drain() {
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &buffer, { read(descriptor, $0.baseAddress, $0.count) }) > 0 {}
    }
}
