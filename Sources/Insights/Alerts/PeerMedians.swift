import ClusterModel

/// Medians of GPU peers, sorted once per snapshot: temperatures per node, busy SM clocks per GPU type
/// (MIG slices excluded: they share their parent's clock).
struct PeerMedians {
    private var temperaturesByNode: [String: [Double]] = [:]
    private var clocksByType: [String: [Double]] = [:]

    init(_ gpus: [GPU], minimumUtilization: Double) {
        for gpu in gpus where !gpu.stale {
            if let temperature = gpu.temperatureC, temperature.isFinite {
                temperaturesByNode[gpu.node, default: []].append(temperature)
            }
            if let clock = gpu.smClockMHz, clock.isFinite, gpu.migProfile == nil,
                let type = gpu.modelName, Self.busy(gpu, minimumUtilization)
            {
                clocksByType[type, default: []].append(clock)
            }
        }
        for key in temperaturesByNode.keys { temperaturesByNode[key]?.sort() }
        for key in clocksByType.keys { clocksByType[key]?.sort() }
    }

    private static func busy(_ gpu: GPU, _ minimum: Double) -> Bool {
        guard let utilization = gpu.utilization else { return true }
        return utilization >= minimum
    }

    /// Degrees above the median of the other GPUs of the node.
    func temperatureExcess(_ gpu: GPU, minimumPeers: Int) -> Double? {
        guard let temperature = gpu.temperatureC, let sorted = temperaturesByNode[gpu.node],
            let peers = median(sorted: sorted, excludingOne: temperature, minimumOthers: minimumPeers)
        else { return nil }
        return temperature - peers
    }

    /// SM clock over the median clock of the other busy GPUs of its type; 1 (not throttling) when it idles.
    func clockRatio(_ gpu: GPU, minimumPeers: Int, minimumUtilization: Double) -> Double? {
        guard gpu.migProfile == nil, let clock = gpu.smClockMHz, let type = gpu.modelName else { return nil }
        guard Self.busy(gpu, minimumUtilization) else { return 1 }
        guard let sorted = clocksByType[type],
            let peers = median(sorted: sorted, excludingOne: clock, minimumOthers: minimumPeers), peers > 0
        else { return nil }
        return clock / peers
    }
}
