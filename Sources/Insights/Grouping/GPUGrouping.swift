import ClusterModel

/// Splits a snapshot's GPUs into groups by node or by model and aggregates each: one pass over the GPUs,
/// so 2,352 GPUs group well within a frame. Filter first (only matching GPUs join groups, and aggregates
/// cover them), then group.
package enum GPUGrouping {
    /// The groups of `gpus` (default: all of the snapshot's), in order of first appearance.
    package static func groups(
        _ snapshot: ClusterSnapshot, index: SnapshotIndex? = nil, by mode: GPUGroupingMode,
        gpus: [GPU]? = nil
    ) -> [GPUGroup] {
        let index = index ?? SnapshotIndex(snapshot)
        var keys: [String] = []
        var builders: [Builder] = []
        var position: [String: Int] = [:]
        for gpu in gpus ?? snapshot.gpus {
            let key = mode == .node ? gpu.node : (index.model(of: gpu) ?? GPUGroupingMode.noModel)
            // GPUs come ordered by node, so the group of the previous GPU is the likely one: no hashing.
            let slot: Int
            if let last = keys.last, last == key {
                slot = keys.count - 1
            } else if let known = position[key] {
                slot = known
            } else {
                slot = keys.count
                position[key] = slot
                keys.append(key)
                builders.append(Builder())
            }
            builders[slot].add(gpu)
        }
        return zip(keys, builders).map { key, builder in builder.group(mode: mode, key: key, index: index) }
    }

    /// The GPUs matching `filter` (all of them for an empty filter).
    package static func filtered(_ snapshot: ClusterSnapshot, index: SnapshotIndex, filter: FilterExpression) -> [GPU] {
        filter.isEmpty ? snapshot.gpus : snapshot.gpus.filter { filter.matches(gpu: $0, index: index) }
    }

    /// Accumulates one group's members without keeping per-member arrays of values.
    private struct Builder {
        var ids: [String] = []
        var nodes = Set<String>(), types = Set<String>(), instanceIDs: [String] = []
        var seenInstances = Set<String>()
        var used = Accumulator(), total = Accumulator(), fraction = Accumulator(), utilization = Accumulator()
        var temperature = Accumulator(), power = Accumulator()
        var stale = 0

        var lastNode: String?, lastType: String?

        mutating func add(_ gpu: GPU) {
            ids.append(gpu.id)
            if gpu.node != lastNode {
                nodes.insert(gpu.node)
                lastNode = gpu.node
            }
            if let type = gpu.modelName, type != lastType {
                types.insert(type)
                lastType = type
            }
            // Only members reporting both count, or a GPU without a used figure would dilute the fraction.
            if let usedBytes = gpu.vramUsedBytes, let totalBytes = gpu.vramTotalBytes {
                used.add(usedBytes)
                total.add(totalBytes)
            }
            fraction.add(gpu.vramFraction)
            utilization.add(gpu.utilization)
            temperature.add(gpu.temperatureC)
            power.add(gpu.powerWatts)
            if gpu.stale { stale += 1 }
            for id in gpu.instanceIDs where seenInstances.insert(id).inserted { instanceIDs.append(id) }
        }

        func group(mode: GPUGroupingMode, key: String, index: SnapshotIndex) -> GPUGroup {
            let instances = instanceIDs.compactMap { index.instances[$0] }
            var models = Set(instances.compactMap(\.model))
            if mode == .model { models.insert(key) }
            return GPUGroup(
                mode: mode, key: key, gpuIDs: ids, nodes: nodes.sorted(), models: models.sorted(),
                gpuTypes: types.sorted(), instanceCount: instances.count, vramUsedBytes: used.sum,
                vramTotalBytes: total.sum, meanVRAMFraction: fraction.mean, maxVRAMFraction: fraction.max,
                meanUtilization: utilization.mean, maxTemperatureC: temperature.max, powerWatts: power.sum,
                generationTokensPerSecond: sum(instances.map(\.generationTokensPerSecond)),
                running: sum(instances.map(\.running)), waiting: sum(instances.map(\.waiting)),
                maxKVCacheUsage: maximum(instances.map(\.kvCacheUsage)), staleCount: stale)
        }
    }
}

/// Sum, count and maximum of the present values seen.
struct Accumulator {
    private(set) var total = 0.0
    private(set) var count = 0
    private(set) var largest = -Double.infinity

    mutating func add(_ value: Double?) {
        guard let value, value.isFinite else { return }
        total += value
        count += 1
        largest = Swift.max(largest, value)
    }

    var sum: Double? { count > 0 ? total : nil }
    var mean: Double? { count > 0 ? total / Double(count) : nil }
    var max: Double? { count > 0 ? largest : nil }
}
