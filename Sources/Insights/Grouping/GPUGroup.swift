import ClusterModel

/// A group of GPUs (one node, or every GPU serving one model) with the aggregates its collapsed row shows.
/// Sums and means skip absent values and are nil when no member reports the value.
public struct GPUGroup: Sendable, Hashable, Identifiable {
    public var mode: GPUGroupingMode
    /// The node name or the model name.
    public var key: String
    /// Member GPU ids, in snapshot order (node, then index).
    public var gpuIDs: [String]
    /// Distinct nodes, models and GPU types of the members, sorted.
    public var nodes: [String]
    public var models: [String]
    public var gpuTypes: [String]
    public var instanceCount: Int
    /// Used and total VRAM over the members that report both.
    public var vramUsedBytes: Double?
    public var vramTotalBytes: Double?
    public var meanVRAMFraction: Double?
    public var maxVRAMFraction: Double?
    public var meanUtilization: Double?
    public var maxTemperatureC: Double?
    public var powerWatts: Double?
    /// Generation tokens/s of the instances on the members (each instance counted once).
    public var generationTokensPerSecond: Double?
    public var running: Double?
    public var waiting: Double?
    /// The highest KV-cache use among the instances on the members.
    public var maxKVCacheUsage: Double?
    /// Members whose exporter stopped reporting them.
    public var staleCount: Int

    public var id: String { "\(mode.rawValue):\(key)" }
    public var gpuCount: Int { gpuIDs.count }

    /// Used / total VRAM of the whole group.
    public var vramFraction: Double? {
        guard let used = vramUsedBytes, let total = vramTotalBytes, total > 0 else { return nil }
        return used / total
    }

    /// What a filter sees of the group: every member's names, and the group's aggregates.
    public var filterRow: FilterRow {
        FilterRow(nodes: nodes, models: models, gpuTypes: gpuTypes, ids: [key], vram: vramFraction,
                  util: meanUtilization, temp: maxTemperatureC, power: powerWatts, kv: maxKVCacheUsage,
                  waiting: waiting, running: running, tps: generationTokensPerSecond)
    }
}
