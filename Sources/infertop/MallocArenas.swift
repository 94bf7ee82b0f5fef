#if canImport(Glibc)
    import CMalloc
#endif

/// glibc gives each thread that allocates its own 64 MiB malloc arena. The dashboard's threads (the
/// terminal loop, the collector and Dispatch's workers) allocate and free each other's frames and pages, so
/// each arena kept its own free space: at 64 GPUs three arenas held 12.6, 5.1 and 1.7 MiB, and one arena
/// held the same data in 4 MiB less RSS (`MALLOC_ARENA_MAX=1`, measured with scripts/compare-cpu-btop.sh).
/// The dashboard's allocations are a few thousand a second, far too few for one lock to be contended.
enum MallocArenas {
    /// Call before the dashboard starts its threads: arenas already made are kept.
    static func limitToOne() {
        #if canImport(Glibc)
            _ = mallopt(M_ARENA_MAX, 1)
        #endif
    }
}
