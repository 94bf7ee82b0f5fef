/// GPU time that an engine's steps took, in milliseconds: busy, and of it memory-bound and compute-bound (the GPU
/// model's utilization, activity and power come from these).
struct StepTime: Sendable {
    var busyMs = 0.0
    var memoryMs = 0.0
    var computeMs = 0.0

    static func += (time: inout StepTime, more: StepTime) {
        time.busyMs += more.busyMs
        time.memoryMs += more.memoryMs
        time.computeMs += more.computeMs
    }

    /// Takes `share` (0…1) of each part out of this time, and returns what it took.
    mutating func split(_ share: Double) -> StepTime {
        let part = StepTime(busyMs: busyMs * share, memoryMs: memoryMs * share, computeMs: computeMs * share)
        busyMs -= part.busyMs
        memoryMs -= part.memoryMs
        computeMs -= part.computeMs
        return part
    }
}
