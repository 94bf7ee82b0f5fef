import ClusterModel

/// GPUs are not fungible: a row per GPU type, and under it a row per model served on that type, so an H100
/// and an A10G running the same model are compared on one screen.
package struct GPUTypeComparison: Sendable, Hashable {
    /// One GPU type (model nil) or one model on one type.
    package struct Row: Sendable, Hashable {
        package var gpuType: String
        /// Nil for the type's own row.
        package var model: String?
        package var gpuCount: Int
        package var instanceCount: Int
        package var meanVRAMFraction: Double?
        package var meanUtilization: Double?
        package var powerWatts: Double?
        /// Generation tokens/s of the instances divided by the GPUs (for a type row: every GPU of the type,
        /// idle ones included, since they cost the same).
        package var tokensPerSecondPerGPU: Double?
        package var tokensPerWatt: Double?
        /// Type rows: TTFT p95 merged from bucket deltas (by the cluster model) when known. Model rows: the p95
        /// of the slowest instance, since separate p95s cannot be merged.
        package var ttftP95: Double?
        /// True when the type row's `ttftP95` is interpolated from engines whose buckets differ.
        package var ttftP95Interpolated = false
    }

    package var rows: [Row]

    /// Types by descending GPU count, each followed by its models by descending tokens/s per GPU. GPUs with
    /// no type name are listed as "unknown"; instances not joined to any GPU cannot be attributed.
    package static func build(_ snapshot: ClusterSnapshot, index: SnapshotIndex? = nil) -> GPUTypeComparison {
        let index = index ?? SnapshotIndex(snapshot)
        var gpusByType: [String: [GPU]] = [:]
        for gpu in snapshot.gpus { gpusByType[gpu.modelName ?? "unknown", default: []].append(gpu) }
        var instancesByType: [String: [EngineInstance]] = [:]
        for instance in snapshot.instances where !instance.gpuIDs.isEmpty {
            instancesByType[index.gpuType(of: instance) ?? "unknown", default: []].append(instance)
        }
        let mergedTTFT = Dictionary(snapshot.byGPUType.map { ($0.modelName, $0) }, uniquingKeysWith: { a, _ in a })
        let types = gpusByType.keys.sorted { (gpusByType[$0]!.count, $1) > (gpusByType[$1]!.count, $0) }
        var rows: [Row] = []
        for type in types {
            let instances = instancesByType[type] ?? []
            var typeRow = row(type: type, model: nil, gpus: gpusByType[type]!, instances: instances)
            if let merged = mergedTTFT[type], let p95 = merged.ttftP95 {
                typeRow.ttftP95 = p95
                typeRow.ttftP95Interpolated = merged.ttftP95Interpolated
            }
            rows.append(typeRow)
            var byModel: [String: [EngineInstance]] = [:]
            for instance in instances { byModel[instance.model ?? "unknown", default: []].append(instance) }
            let modelRows = byModel.map { model, members -> Row in
                let ids = Set(members.flatMap(\.gpuIDs))
                let gpus = gpusByType[type]!.filter { ids.contains($0.id) }
                return row(type: type, model: model, gpus: gpus, instances: members)
            }
            rows += sortedByValue(modelRows.sorted { $0.model! < $1.model! }, ascending: false) { $0.tokensPerSecondPerGPU }
        }
        return GPUTypeComparison(rows: rows)
    }

    private static func row(type: String, model: String?, gpus: [GPU], instances: [EngineInstance]) -> Row {
        let tokens = sum(instances.map(\.generationTokensPerSecond))
        let power = sum(gpus.map(\.powerWatts))
        var perWatt: Double? = nil
        if let tokens, let power, power > 0 { perWatt = tokens / power }
        return Row(
            gpuType: type, model: model, gpuCount: gpus.count, instanceCount: instances.count,
            meanVRAMFraction: mean(gpus.map(\.vramFraction)), meanUtilization: mean(gpus.map(\.utilization)),
            powerWatts: power, tokensPerSecondPerGPU: gpus.isEmpty ? nil : tokens.map { $0 / Double(gpus.count) },
            tokensPerWatt: perWatt, ttftP95: maximum(instances.map(\.ttft.p95)))
    }
}
