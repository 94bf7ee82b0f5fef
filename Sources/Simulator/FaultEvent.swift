/// A scheduled fault: what breaks, where, when (virtual ms after the scenario start) and for how long.
package struct FaultEvent: Sendable, Hashable {
    package enum Kind: Sendable, Hashable {
        /// The engine process dies (its in-flight requests are lost) and restarts after `restartMs`,
        /// loading its weights again with every counter back at zero.
        case crash(node: Int, instance: Int, restartMs: Int64)
        /// CUDA out of memory: the framebuffer fills, then the process dies and restarts like a crash.
        case outOfMemory(node: Int, instance: Int, restartMs: Int64)
        /// The whole node stops answering for `durationMs`; its instances cold-start when it returns.
        case nodeDown(node: Int, durationMs: Int64)
        /// One GPU throttles (hot, lower clocks, `factor` of its throughput) for `durationMs`.
        case thermalThrottle(node: Int, gpu: Int, factor: Double, durationMs: Int64)
    }

    package var atMs: Int64
    package var kind: Kind
}
