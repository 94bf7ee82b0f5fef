import ClusterModel

/// What a filter expression sees of one row (a GPU, an engine instance, a group): its names, lowercased,
/// and its numbers in the store's units. A GPU row also carries the model, engine and KV use of the
/// instances on it, and an instance row the type and VRAM of its GPUs, so `vram>90 model=llama` works on both.
public struct FilterRow: Sendable, Hashable {
    public var nodes: [String]
    public var models: [String]
    public var engines: [String]
    public var gpuTypes: [String]
    public var states: [String]
    public var ids: [String]
    public var vram: Double?
    public var util: Double?
    public var temp: Double?
    public var power: Double?
    public var kv: Double?
    public var waiting: Double?
    public var running: Double?
    public var ttft: Double?
    public var itl: Double?
    public var tps: Double?
    public var preemptions: Double?

    public init(nodes: [String?] = [], models: [String?] = [], engines: [String?] = [], gpuTypes: [String?] = [],
                states: [String?] = [], ids: [String?] = [], vram: Double? = nil, util: Double? = nil,
                temp: Double? = nil, power: Double? = nil, kv: Double? = nil, waiting: Double? = nil,
                running: Double? = nil, ttft: Double? = nil, itl: Double? = nil, tps: Double? = nil,
                preemptions: Double? = nil) {
        func lowered(_ values: [String?]) -> [String] { values.compactMap { $0?.lowercased() } }
        self.nodes = lowered(nodes)
        self.models = lowered(models)
        self.engines = lowered(engines)
        self.gpuTypes = lowered(gpuTypes)
        self.states = lowered(states)
        self.ids = lowered(ids)
        self.vram = vram
        self.util = util
        self.temp = temp
        self.power = power
        self.kv = kv
        self.waiting = waiting
        self.running = running
        self.ttft = ttft
        self.itl = itl
        self.tps = tps
        self.preemptions = preemptions
    }

    /// A GPU row, with the serving figures of the instances joined to it.
    public static func gpu(_ gpu: GPU, index: SnapshotIndex) -> FilterRow {
        let instances = index.instances(of: gpu)
        return FilterRow(
            nodes: [gpu.node], models: instances.map(\.model), engines: instances.flatMap(engineNames),
            gpuTypes: [gpu.modelName, gpu.migProfile], states: instances.flatMap(stateNames),
            ids: [gpu.id, gpu.uuid], vram: gpu.vramFraction, util: gpu.utilization, temp: gpu.temperatureC,
            power: gpu.powerWatts, kv: maximum(instances.map(\.kvCacheUsage)), waiting: sum(instances.map(\.waiting)),
            running: sum(instances.map(\.running)), ttft: maximum(instances.map(\.ttft.p95)),
            itl: maximum(instances.map(\.itl.p50)), tps: sum(instances.map(\.generationTokensPerSecond)),
            preemptions: sum(instances.map(\.preemptionsPerSecond)))
    }

    /// An engine-instance row, with the type and worst VRAM use of its GPUs.
    public static func instance(_ instance: EngineInstance, index: SnapshotIndex) -> FilterRow {
        let gpus = index.gpus(of: instance)
        return FilterRow(
            nodes: [instance.node], models: [instance.model], engines: engineNames(instance),
            gpuTypes: gpus.map(\.modelName), states: stateNames(instance), ids: [instance.id, instance.target],
            vram: maximum(gpus.map(\.vramFraction)), util: mean(gpus.map(\.utilization)),
            temp: maximum(gpus.map(\.temperatureC)), power: sum(gpus.map(\.powerWatts)), kv: instance.kvCacheUsage,
            waiting: instance.waiting, running: instance.running, ttft: instance.ttft.p95, itl: instance.itl.p50,
            tps: instance.generationTokensPerSecond, preemptions: instance.preemptionsPerSecond)
    }

    private static func engineNames(_ instance: EngineInstance) -> [String?] {
        [instance.engine.rawValue, instance.engine.label]
    }

    private static func stateNames(_ instance: EngineInstance) -> [String?] {
        [instance.state.rawValue, instance.state.label]
    }

    func texts(_ field: FilterField) -> [String] {
        switch field {
        case .node: return nodes
        case .model: return models
        case .engine: return engines
        case .gpu: return gpuTypes
        case .state: return states
        case .id: return ids
        default: return []
        }
    }

    func number(_ field: FilterField) -> Double? {
        switch field {
        case .vram: return vram
        case .util: return util
        case .temp: return temp
        case .power: return power
        case .kv: return kv
        case .waiting: return waiting
        case .running: return running
        case .ttft: return ttft
        case .itl: return itl
        case .tps: return tps
        case .preemptions: return preemptions
        default: return nil
        }
    }
}
