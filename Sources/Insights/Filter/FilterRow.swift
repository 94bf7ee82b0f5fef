import ClusterModel

/// A row whose every field a filter may read is worked out in advance: its names, lowercased, and its numbers in
/// the store's units. Groups and targets use it; GPUs and instances are read lazily (`GPUFilterSubject`,
/// `InstanceFilterSubject`).
package struct FilterRow: Sendable, Hashable {
    package var nodes: [String]
    package var models: [String]
    package var engines: [String]
    package var gpuTypes: [String]
    package var states: [String]
    package var ids: [String]
    package var vram: Double?
    package var util: Double?
    package var temp: Double?
    package var power: Double?
    package var kv: Double?
    package var waiting: Double?
    package var running: Double?
    package var ttft: Double?
    package var itl: Double?
    package var tps: Double?
    package var preemptions: Double?

    package init(
        nodes: [String?] = [], models: [String?] = [], engines: [String?] = [], gpuTypes: [String?] = [],
        states: [String?] = [], ids: [String?] = [], vram: Double? = nil, util: Double? = nil,
        temp: Double? = nil, power: Double? = nil, kv: Double? = nil, waiting: Double? = nil,
        running: Double? = nil, ttft: Double? = nil, itl: Double? = nil, tps: Double? = nil,
        preemptions: Double? = nil
    ) {
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

    package func number(_ field: FilterField) -> Double? {
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
