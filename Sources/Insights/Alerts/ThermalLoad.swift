import ClusterModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How hard each GPU has worked lately, as its temperature knows it: its utilization averaged exponentially over
/// about a minute, the time a GPU takes to heat or cool. A serving GPU's idle second leaves it working; a GPU that
/// loads weights for minutes, or waits for traffic, idles. The hotter-than-peers rule compares GPUs by it.
struct ThermalLoad: Sendable {
    static let timeConstantSeconds = 60.0

    private struct Average: Sendable {
        var timeMs: Int64
        var utilization: Double
    }

    private var averages: [String: Average] = [:]
    /// The averaged utilization (0–1) of each GPU of the snapshot observed last, by its position there; nil for a GPU
    /// that has had no valid reading yet. The peers' medians read it by position, not by id.
    private(set) var byPosition: [Double?] = []

    /// Folds in the snapshot's utilizations and forgets GPUs gone from it. A GPU that is stale or has no valid
    /// reading keeps its average, unchanged, until it has one.
    mutating func observe(_ snapshot: ClusterSnapshot) {
        byPosition.removeAll(keepingCapacity: true)
        for gpu in snapshot.gpus { byPosition.append(fold(gpu, at: snapshot.timeMs)) }
        if averages.count > snapshot.gpus.count {
            let present = Set(snapshot.gpus.map(\.id))
            averages = averages.filter { present.contains($0.key) }
        }
    }

    /// Folds the GPU's reading at `timeMs` into its average and returns the average, or nil before a valid reading.
    private mutating func fold(_ gpu: GPU, at timeMs: Int64) -> Double? {
        let before = averages[gpu.id]
        guard !gpu.stale, let utilization = gpu.utilization, utilization.isFinite else { return before?.utilization }
        guard let before else {
            averages[gpu.id] = Average(timeMs: timeMs, utilization: utilization)
            return utilization
        }
        guard timeMs > before.timeMs else { return before.utilization }
        let seconds = Double(timeMs - before.timeMs) / 1000
        let weight = 1 - exp(-seconds / Self.timeConstantSeconds)
        let after = before.utilization + weight * (utilization - before.utilization)
        averages[gpu.id] = Average(timeMs: timeMs, utilization: after)
        return after
    }
}
