#if canImport(Glibc)
    import Glibc
#endif

/// Caps how many scrapes run at once; waiters are served first come, first served.
actor ConcurrencyLimiter {
    private var available: Int
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// At most `limit` at once, and never more than the open-file limit allows (each scrape holds a socket; a
    /// few hundred descriptors stay for everything else), so a big cluster meets a queue, not `EMFILE`.
    init(limit: Int) {
        available = max(1, min(limit, Self.openFileLimit() - 256))
    }

    /// The soft limit on open files (`ulimit -n`), or a generous guess where it cannot be read.
    static func openFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1 << 16 }
        return limit.rlim_cur == rlim_t.max ? 1 << 20 : Int(clamping: limit.rlim_cur)  // RLIM_INFINITY
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            available += 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` while holding one slot.
    func withSlot<T: Sendable>(_ body: @Sendable () async -> T) async -> T {
        await acquire()
        let value = await body()
        release()
        return value
    }
}
