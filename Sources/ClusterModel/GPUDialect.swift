/// A value of a GPU that an exporter table can feed.
enum GPUMetric: Int, CaseIterable, Sendable {
    case vramUsed, vramFree, vramReserved, vramTotal, utilization, temperature, power, powerLimit, smClock, memClock
}

extension GPUMetric {
    /// What a reading of this field can be, in the model's units (`ValidRange`).
    var validRange: ValidRange {
        switch self {
        case .vramUsed, .vramFree, .vramReserved, .vramTotal: return .bytes
        case .utilization: return .fraction
        case .temperature: return ValidRange(-50, 200)
        case .power, .powerLimit: return ValidRange(0, 100_000)
        case .smClock, .memClock: return ValidRange(0, 100_000)
        }
    }
}

/// One row of a GPU exporter table: the full sample `name` feeds `metric`, times `scale` (MiB → bytes,
/// percent → 0–1).
struct GPUSource: Sendable {
    var name: String
    var metric: GPUMetric
    var scale = 1.0

    init(_ name: String, _ metric: GPUMetric, scale: Double = 1) {
        self.name = name
        self.metric = metric
        self.scale = scale
    }
}

/// How one GPU exporter names its series and labels its devices: a table, like `EngineDialect`.
struct GPUDialect: Sendable {
    var name: String
    var nodeLabels: [String]
    var uuidLabels: [String]
    var indexLabels: [String]
    var modelLabels: [String]
    /// MIG: the GPU-instance id and profile; with them, a device is keyed by UUID + instance id.
    var migInstanceLabels: [String] = []
    var migProfileLabels: [String] = []
    var podLabels: [String] = []
    var namespaceLabels: [String] = []
    var containerLabels: [String] = []
    /// The exporter's codes for "blank": a value in one of these is no reading, so the field is absent. Any other
    /// value is a reading, checked against its metric's range.
    var blankCodes: [ClosedRange<Double>] = []
    /// For one metric, earlier rows win.
    var sources: [GPUSource]

    func lookupTable() -> [String: (priority: Int, source: GPUSource)] {
        var table: [String: (priority: Int, source: GPUSource)] = [:]
        for (priority, source) in sources.enumerated() where table[source.name] == nil {
            table[source.name] = (priority, source)
        }
        return table
    }

    static let all: [GPUDialect] = [.dcgm, .tritonGPU]
}
