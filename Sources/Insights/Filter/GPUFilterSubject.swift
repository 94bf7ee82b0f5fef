import ClusterModel

/// A GPU as a filter sees it: its own names and figures, plus the model, engine, state, KV use, queue and latency
/// of the instances joined to it (looked up only when a term asks), so `vram>90 model=llama` works on GPUs.
package struct GPUFilterSubject: FilterSubject {
    package let gpu: GPU
    package let index: SnapshotIndex

    package init(_ gpu: GPU, index: SnapshotIndex) {
        self.gpu = gpu
        self.index = index
    }

    private func anyInstance(_ body: (EngineInstance) -> Bool) -> Bool {
        gpu.instanceIDs.contains { id in index.instances[id].map(body) ?? false }
    }

    private func instanceValues(_ value: (EngineInstance) -> Double?) -> [Double?] {
        gpu.instanceIDs.map { id in index.instances[id].flatMap(value) }
    }

    package func anyText(_ field: FilterField, _ predicate: (String) -> Bool) -> Bool {
        switch field {
        case .node: return predicate(gpu.node)
        case .gpu: return gpu.modelName.map(predicate) == true || gpu.migProfile.map(predicate) == true
        case .id: return predicate(gpu.id) || gpu.uuid.map(predicate) == true
        case .model: return anyInstance { $0.model.map(predicate) == true }
        case .engine: return anyInstance { predicate($0.engine.rawValue) || predicate($0.engine.label) }
        case .state: return anyInstance { predicate($0.state.rawValue) || predicate($0.state.label) }
        default: return false
        }
    }

    package func number(_ field: FilterField) -> Double? {
        switch field {
        case .vram: return gpu.vramFraction
        case .util: return gpu.utilization
        case .temp: return gpu.temperatureC
        case .power: return gpu.powerWatts
        case .kv: return maximum(instanceValues(\.kvCacheUsage))
        case .waiting: return sum(instanceValues(\.waiting))
        case .running: return sum(instanceValues(\.running))
        case .ttft: return maximum(instanceValues(\.ttft.p95))
        case .itl: return maximum(instanceValues { $0.interTokenLatency?.seconds })
        case .tps: return sum(instanceValues(\.generationTokensPerSecond))
        case .preemptions: return sum(instanceValues(\.preemptionsPerSecond))
        default: return nil
        }
    }
}
