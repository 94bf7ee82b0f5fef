import ClusterModel

/// Medians of GPU peers, sorted once per snapshot: temperatures per node (of all its GPUs, and of its working ones),
/// busy SM clocks per GPU type (MIG slices excluded: they share their parent's clock).
///
/// A GPU's temperature follows its load: a busy GPU runs 20–30 °C above an idle one beside it. So a GPU is compared
/// with the GPUs of its node that work at least as hard: a working one with the working ones, an idle one with all.
/// Work is judged over the last minute (`ThermalLoad`), as heat is. A node where some GPUs serve while others load
/// their weights or wait for traffic raises no alarm; a GPU that runs hot at its peers' load (a failing fan,
/// blocked airflow), or idles hotter than its busy peers, still does.
struct PeerMedians {
    /// Below this utilization, averaged over the last minute, a GPU idles: loading weights or waiting for traffic.
    static let thermalIdleUtilization = 0.1

    private var temperaturesByNode: [String: [Double]] = [:]
    private var workingTemperaturesByNode: [String: [Double]] = [:]
    private var clocksByType: [String: [Double]] = [:]
    private let minimumUtilization: Double
    /// By GPU position: whether it has worked over the last minute.
    private var working: [Bool] = []

    /// `thermal` must have observed the snapshot `gpus` come from last: its averages are read by position.
    init(_ gpus: [GPU], minimumUtilization: Double, thermal: ThermalLoad) {
        self.minimumUtilization = minimumUtilization
        let averages = thermal.byPosition
        precondition(averages.count == gpus.count, "PeerMedians needs the ThermalLoad of the same snapshot")
        // With no valid reading yet, working: nothing says it idles.
        working = averages.map { $0.map { $0 >= Self.thermalIdleUtilization } ?? true }
        for (position, gpu) in gpus.enumerated() where !gpu.stale {
            if let temperature = gpu.temperatureC, temperature.isFinite {
                temperaturesByNode[gpu.node, default: []].append(temperature)
                if working[position] { workingTemperaturesByNode[gpu.node, default: []].append(temperature) }
            }
            if let clock = gpu.smClockMHz, clock.isFinite, gpu.migProfile == nil,
                let type = gpu.modelName, Self.busy(gpu, minimumUtilization)
            {
                clocksByType[type, default: []].append(clock)
            }
        }
        for key in temperaturesByNode.keys { temperaturesByNode[key]?.sort() }
        for key in workingTemperaturesByNode.keys { workingTemperaturesByNode[key]?.sort() }
        for key in clocksByType.keys { clocksByType[key]?.sort() }
    }

    /// Busy now, for the throttling rule. A GPU with no utilization reading counts as busy: nothing says it idles.
    private static func busy(_ gpu: GPU, _ minimum: Double) -> Bool {
        guard let utilization = gpu.utilization else { return true }
        return utilization >= minimum
    }

    /// Degrees above the median of the other GPUs of the node that work at least as hard: the working ones for a
    /// working GPU, all of them for an idle one. `position` is the GPU's in the snapshot.
    func temperatureExcess(_ gpu: GPU, at position: Int, minimumPeers: Int) -> Double? {
        let peerTemperatures = working[position] ? workingTemperaturesByNode : temperaturesByNode
        guard let temperature = gpu.temperatureC, let sorted = peerTemperatures[gpu.node],
            let peers = median(sorted: sorted, excludingOne: temperature, minimumOthers: minimumPeers)
        else { return nil }
        return temperature - peers
    }

    /// SM clock over the median clock of the other busy GPUs of its type; 1 (not throttling) when it idles.
    func clockRatio(_ gpu: GPU, minimumPeers: Int) -> Double? {
        guard gpu.migProfile == nil, let clock = gpu.smClockMHz, let type = gpu.modelName else { return nil }
        guard Self.busy(gpu, minimumUtilization) else { return 1 }
        guard let sorted = clocksByType[type],
            let peers = median(sorted: sorted, excludingOne: clock, minimumOthers: minimumPeers), peers > 0
        else { return nil }
        return clock / peers
    }
}
