import ClusterModel

/// Recent queue depths of each instance, to tell a queue that keeps growing from one that is merely long:
/// the signal is the least-squares slope (requests per second) over the trend window.
struct QueueTrend: Sendable, Hashable {
    private var points: [String: [Point]] = [:]

    struct Point: Sendable, Hashable {
        var timeMs: Int64
        var waiting: Double
    }

    /// Adds the snapshot's queue depths and forgets points older than the window (and instances gone).
    mutating func observe(_ snapshot: ClusterSnapshot, windowSeconds: Double) {
        let oldest = snapshot.timeMs - Int64(windowSeconds * 1000)
        var next: [String: [Point]] = [:]
        next.reserveCapacity(snapshot.instances.count)
        for instance in snapshot.instances {
            var line = points[instance.id] ?? []
            if let waiting = instance.waiting, waiting.isFinite {
                line.append(Point(timeMs: snapshot.timeMs, waiting: waiting))
            } else {
                // A gap breaks the trend: a slope is never fitted across missing values.
                line.removeAll()
            }
            if let first = line.firstIndex(where: { $0.timeMs >= oldest }) {
                line.removeFirst(first)
            } else {
                line.removeAll()
            }
            if !line.isEmpty { next[instance.id] = line }
        }
        points = next
    }

    /// The slope of the instance's queue over the window, or nil until points span half of it.
    func slope(_ instanceID: String, windowSeconds: Double) -> Double? {
        guard let line = points[instanceID], line.count >= 3, let first = line.first, let last = line.last,
            Double(last.timeMs - first.timeMs) >= windowSeconds * 500
        else { return nil }
        return Insights.slope(line.map { (seconds: Double($0.timeMs - first.timeMs) / 1000, value: $0.waiting) })
    }
}
