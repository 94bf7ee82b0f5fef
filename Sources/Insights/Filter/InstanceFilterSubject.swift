import ClusterModel

/// An engine instance as a filter sees it: its own names and figures, plus the type, VRAM (the fullest), mean
/// utilization, hottest temperature and total power of the GPUs it is joined to, looked up only when asked.
package struct InstanceFilterSubject: FilterSubject {
    package let instance: EngineInstance
    package let index: SnapshotIndex

    package init(_ instance: EngineInstance, index: SnapshotIndex) {
        self.instance = instance
        self.index = index
    }

    private func gpuValues(_ value: (GPU) -> Double?) -> [Double?] {
        instance.gpuIDs.map { id in index.gpus[id].flatMap(value) }
    }

    package func anyText(_ field: FilterField, _ predicate: (String) -> Bool) -> Bool {
        switch field {
        case .node: return instance.node.map(predicate) == true
        case .model: return instance.model.map(predicate) == true
        case .engine: return predicate(instance.engine.rawValue) || predicate(instance.engine.label)
        case .state: return predicate(instance.state.rawValue) || predicate(instance.state.label)
        case .id: return predicate(instance.id) || predicate(instance.target)
        case .gpu: return instance.gpuIDs.contains { id in index.gpus[id]?.modelName.map(predicate) == true }
        default: return false
        }
    }

    package func number(_ field: FilterField) -> Double? {
        switch field {
        case .vram: return maximum(gpuValues(\.vramFraction))
        case .util: return mean(gpuValues(\.utilization))
        case .temp: return maximum(gpuValues(\.temperatureC))
        case .power: return sum(gpuValues(\.powerWatts))
        case .kv: return instance.kvCacheUsage
        case .waiting: return instance.waiting
        case .running: return instance.running
        case .ttft: return instance.ttft.p95
        case .itl: return instance.interTokenLatency?.seconds
        case .tps: return instance.generationTokensPerSecond
        case .preemptions: return instance.preemptionsPerSecond
        default: return nil
        }
    }
}
