/// A name a filter expression can test (`vram>90`, `node~gpu-node-00`): text fields compare with
/// `= != ~ !~`, number fields with `= != > >= < <=`.
package enum FilterField: String, Sendable, Hashable, CaseIterable {
    case node, model, engine, gpu, state, id
    case vram, util, temp, power, kv, waiting, running, ttft, itl, tps, preemptions

    /// Other spellings a person may type.
    package static let aliases: [String: FilterField] = [
        "type": .gpu, "gputype": .gpu, "host": .node, "utilization": .util, "temperature": .temp, "mem": .vram,
        "queue": .waiting, "batch": .running, "kvcache": .kv, "watts": .power,
    ]

    /// Looks up a field by name or alias, ignoring case.
    package static func named(_ name: String) -> FilterField? {
        let lower = name.lowercased()
        return FilterField(rawValue: lower) ?? aliases[lower]
    }

    package var isText: Bool {
        switch self {
        case .node, .model, .engine, .gpu, .state, .id: return true
        default: return false
        }
    }

    /// How numbers for this field are written, for error messages and the docs.
    package var unitHint: String {
        switch self {
        case .vram, .util, .kv: return "a percentage like 90 or 90%"
        case .temp: return "degrees Celsius like 85"
        case .power: return "watts like 300"
        case .ttft, .itl: return "seconds like 2 or 2s, or milliseconds like 500ms"
        case .waiting, .running: return "a number of requests like 10"
        case .tps: return "tokens per second like 1000"
        case .preemptions: return "a rate per second like 1"
        default: return "text"
        }
    }

    /// Reads `text` (what followed the operator) as a value of this field in the unit rows store: fractions
    /// for percentages, seconds for latencies. Nil when it is not a number in a unit this field accepts.
    func number(_ text: String) -> Double? {
        let lower = text.lowercased()
        var suffixes: [(String, Double)] = [("", 1)]
        switch self {
        case .vram, .util, .kv: suffixes = [("%", 0.01), ("", 0.01)]
        case .ttft, .itl: suffixes = [("ms", 0.001), ("s", 1), ("", 1)]
        case .temp: suffixes = [("°c", 1), ("c", 1), ("", 1)]
        case .power: suffixes = [("w", 1), ("", 1)]
        default: break
        }
        for (suffix, scale) in suffixes where lower.hasSuffix(suffix) {
            if let value = Double(lower.dropLast(suffix.count)), value.isFinite { return value * scale }
        }
        return nil
    }
}
