import ClusterModel
import Formatting

/// The value a heatmap colours each GPU cell by, with the bucket edges its legend uses.
package enum HeatmapMetric: String, Sendable, Hashable, CaseIterable {
    case vram, utilization, temperature, kv

    package var title: String {
        switch self {
        case .vram: return "VRAM used"
        case .utilization: return "GPU utilization"
        case .temperature: return "temperature"
        case .kv: return "KV cache of its instance"
        }
    }

    /// True when a high value is a problem (VRAM, heat, KV); high utilization is a GPU earning its keep.
    package var higherIsWorse: Bool { self != .utilization }

    /// Edges between the buckets (a value above an edge is past it); the top two are the warning and critical
    /// levels of `policy`, so the heatmap's hot cells are the ones the panels colour and the alerts fire on.
    /// The two lower edges are fixed while they sit below the warning level, else at half and three quarters of it.
    package func edges(_ policy: ThresholdPolicy) -> [Double] {
        func scale(_ lower: [Double], _ level: ThresholdPolicy.Level) -> [Double] {
            let below = lower.allSatisfy { $0 < level.warn } ? lower : [level.warn * 0.5, level.warn * 0.75]
            return below + [level.warn, level.critical]
        }
        switch self {
        case .vram: return scale([0.5, 0.7], policy.vram)
        case .utilization: return [0.25, 0.5, 0.75, 0.9]
        case .temperature: return scale([50, 65], policy.temperature)
        case .kv: return scale([0.5, 0.7], policy.kvCache)
        }
    }

    /// The cell's value: a fraction (0–1) or °C; nil when the GPU does not report it (KV: no instance does).
    package func value(of gpu: GPU, index: SnapshotIndex?) -> Double? {
        guard !gpu.stale else { return nil }
        switch self {
        case .vram: return gpu.vramFraction
        case .utilization: return gpu.utilization
        case .temperature: return gpu.temperatureC
        case .kv: return index.flatMap { maximum($0.instances(of: gpu).map(\.kvCacheUsage)) }
        }
    }

    /// A value as the legend writes it: "85%" or "75°C".
    package func format(_ value: Double) -> String {
        self == .temperature ? Format.fixed(value, 0) + "°C" : Format.fixed(value * 100, 0) + "%"
    }

    /// The next metric, for the key that cycles them.
    package var next: HeatmapMetric {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
