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
        for gpu in snapshot.gpus {
            let before = averages[gpu.id]
            guard !gpu.stale, let utilization = gpu.utilization, utilization.isFinite else {
                byPosition.append(before?.utilization)
                continue
            }
            guard let before else {
                averages[gpu.id] = Average(timeMs: snapshot.timeMs, utilization: utilization)
                byPosition.append(utilization)
                continue
            }
            guard snapshot.timeMs > before.timeMs else {
                byPosition.append(before.utilization)
                continue
            }
            let seconds = Double(snapshot.timeMs - before.timeMs) / 1000
            let weight = 1 - exp(-seconds / Self.timeConstantSeconds)
            let after = Average(
                timeMs: snapshot.timeMs, utilization: before.utilization + weight * (utilization - before.utilization))
            averages[gpu.id] = after
            byPosition.append(after.utilization)
        }
        if averages.count > snapshot.gpus.count {
            let present = Set(snapshot.gpus.map(\.id))
            averages = averages.filter { present.contains($0.key) }
        }
    }
}
