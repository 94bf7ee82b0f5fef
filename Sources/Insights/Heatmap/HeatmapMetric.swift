import Formatting
import ClusterModel

/// The value a heatmap colours each GPU cell by, with the bucket edges its legend uses.
public enum HeatmapMetric: String, Sendable, Hashable, CaseIterable {
    case vram, utilization, temperature, kv

    public var title: String {
        switch self {
        case .vram: return "VRAM used"
        case .utilization: return "GPU utilization"
        case .temperature: return "temperature"
        case .kv: return "KV cache of its instance"
        }
    }

    /// True when a high value is a problem (VRAM, heat, KV); high utilization is a GPU earning its keep.
    public var higherIsWorse: Bool { self != .utilization }

    /// Lower edges of the buckets after the first; chosen so the top buckets line up with the alert defaults.
    public var edges: [Double] {
        switch self {
        case .vram: return [0.5, 0.7, 0.85, 0.95]
        case .utilization: return [0.25, 0.5, 0.75, 0.9]
        case .temperature: return [50, 65, 75, 85]
        case .kv: return [0.5, 0.7, 0.9, 0.95]
        }
    }

    /// The cell's value: a fraction (0–1) or °C; nil when the GPU does not report it (KV: no instance does).
    public func value(of gpu: GPU, index: SnapshotIndex?) -> Double? {
        guard !gpu.stale else { return nil }
        switch self {
        case .vram: return gpu.vramFraction
        case .utilization: return gpu.utilization
        case .temperature: return gpu.temperatureC
        case .kv: return index.flatMap { maximum($0.instances(of: gpu).map(\.kvCacheUsage)) }
        }
    }

    /// A value as the legend writes it: "85%" or "75°C".
    public func format(_ value: Double) -> String {
        self == .temperature ? Format.fixed(value, 0) + "°C" : Format.fixed(value * 100, 0) + "%"
    }

    /// The next metric, for the key that cycles them.
    public var next: HeatmapMetric {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}
