#if canImport(Glibc)
    import Glibc
#endif

/// Raises the soft limit on open files to the hard one, as Prometheus and Go programs do at start: every target
/// may be scraped at once, each holding a socket, and the default soft limit (often 1,024) would make a big
/// cluster fail with "too many open files" long before the hard limit.
package enum OpenFileLimit {
    package static func raiseToHard() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
