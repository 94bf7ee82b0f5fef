import ClusterModel

/// A group of GPUs (one node, or every GPU serving one model) with the aggregates its collapsed row shows.
/// Sums and means skip absent values and are nil when no member reports the value.
package struct GPUGroup: Sendable, Hashable, Identifiable {
    package var mode: GPUGroupingMode
    /// The node name or the model name.
    package var key: String
    /// Member GPU ids, in snapshot order (node, then index).
    package var gpuIDs: [String]
    /// Distinct nodes, models and GPU types of the members, sorted.
    package var nodes: [String]
    package var models: [String]
    package var gpuTypes: [String]
    package var instanceCount: Int
    /// Used and total VRAM over the members that report both.
    package var vramUsedBytes: Double?
    package var vramTotalBytes: Double?
    package var meanVRAMFraction: Double?
    package var maxVRAMFraction: Double?
    package var meanUtilization: Double?
    package var maxTemperatureC: Double?
    package var powerWatts: Double?
    /// Generation tokens/s of the instances on the members (each instance counted once).
    package var generationTokensPerSecond: Double?
    package var running: Double?
    package var waiting: Double?
    /// The highest KV-cache use among the instances on the members.
    package var maxKVCacheUsage: Double?
    /// Members whose exporter stopped reporting them.
    package var staleCount: Int

    package var id: String { "\(mode.rawValue):\(key)" }
    package var gpuCount: Int { gpuIDs.count }

    /// Used / total VRAM of the whole group.
    package var vramFraction: Double? {
        guard let used = vramUsedBytes, let total = vramTotalBytes, total > 0 else { return nil }
        return used / total
    }

    /// What a filter sees of the group: every member's names, and the group's aggregates.
    package var filterRow: FilterRow {
        FilterRow(
            nodes: nodes, models: models, gpuTypes: gpuTypes, ids: [key], vram: vramFraction,
            util: meanUtilization, temp: maxTemperatureC, power: powerWatts, kv: maxKVCacheUsage,
            waiting: waiting, running: running, tps: generationTokensPerSecond)
    }
}
