import Dispatch

/// Runs CPU-heavy simulation work on a Dispatch queue instead of the Swift concurrency pool: with two cores
/// the pool has two threads, and a long synchronous simulation on them would starve the async tests (HTTP
/// servers, Prometheus polling) that run in parallel.
enum Offload {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }
}
