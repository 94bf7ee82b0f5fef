/// Collects samples into families by their declared TYPE, the way Prometheus groups them.
///
/// A sample belongs to the family whose name it equals, or whose name plus one of the type's suffixes it
/// equals (`x_bucket` of histogram `x`); a name suffix alone never makes a family. Samples with no
/// declared family start an untyped family of their own name.
struct FamilyBuilder {
    private(set) var families: [MetricFamily] = []
    private var indexByName: [String: Int] = [:]
    /// The family most recently declared or appended to: nearly every sample belongs to it.
    private var current = -1
    private var lastSampleName = ""
    private var lastSampleFamily = -1
    /// Sample name → family, for names seen before (a histogram's `_bucket`, `_sum`, `_count` alternate per
    /// series). Cleared when a metadata line declares a family or its type, which may claim names seen before.
    private var familyOfSampleName: [String: Int] = [:]

    enum MetadataProblem: Error {
        case duplicate(String)
        case afterSamples(String)
    }

    /// Declares (or finds) the family `name` for a `# HELP`, `# TYPE` or `# UNIT` line.
    mutating func declare(_ name: String) -> Int {
        if let index = indexByName[name] {
            current = index
            return index
        }
        families.append(MetricFamily(name: name))
        let index = families.count - 1
        indexByName[name] = index
        current = index
        familyOfSampleName.removeAll(keepingCapacity: true)
        lastSampleFamily = -1
        return index
    }

    mutating func setHelp(_ help: String, for name: String) throws(MetadataProblem) {
        let index = declare(name)
        if families[index].help != nil { throw .duplicate("HELP") }
        families[index].help = help
    }

    mutating func setType(_ type: MetricType, for name: String, typeDeclared: inout Set<Int>) throws(MetadataProblem) {
        let index = declare(name)
        if typeDeclared.contains(index) { throw .duplicate("TYPE") }
        if !families[index].samples.isEmpty { throw .afterSamples("TYPE") }
        typeDeclared.insert(index)
        families[index].type = type
        familyOfSampleName.removeAll(keepingCapacity: true)
        lastSampleFamily = -1
    }

    mutating func setUnit(_ unit: String, for name: String) throws(MetadataProblem) {
        let index = declare(name)
        if families[index].unit != nil { throw .duplicate("UNIT") }
        families[index].unit = unit
    }

    /// Appends a sample to the family it belongs to; taken, not copied, to spare a retain and release per sample.
    mutating func append(_ sample: consuming Sample) {
        let index = familyIndex(for: sample.name)
        families[index].samples.append(sample)
    }

    private mutating func familyIndex(for name: String) -> Int {
        if lastSampleFamily >= 0 && name == lastSampleName { return lastSampleFamily }
        let index: Int
        if let known = familyOfSampleName[name] {
            index = known
        } else {
            index = resolve(name)
            familyOfSampleName[name] = index
        }
        lastSampleName = name
        lastSampleFamily = index
        current = index
        return index
    }

    private mutating func resolve(_ name: String) -> Int {
        if current >= 0 && belongs(name, to: families[current]) { return current }
        if let index = indexByName[name], families[index].type.acceptsBareName {
            return index
        }
        for type in [MetricType.histogram, .summary, .counter, .info, .gaugehistogram] {
            for suffix in type.sampleSuffixes where name.hasSuffix(suffix) {
                let base = String(name.dropLast(suffix.count))
                if let index = indexByName[base], families[index].type == type { return index }
            }
        }
        if let index = indexByName[name] { return index }
        families.append(MetricFamily(name: name))
        let index = families.count - 1
        indexByName[name] = index
        return index
    }

    private func belongs(_ name: String, to family: MetricFamily) -> Bool {
        if name == family.name { return family.type.acceptsBareName }
        guard name.hasPrefix(family.name) else { return false }
        let suffix = name.dropFirst(family.name.count)
        return family.type.sampleSuffixes.contains { $0 == suffix }
    }
}

extension MetricType {
    /// Whether a sample named exactly like the family belongs to it. A histogram or summary family `x`
    /// has no sample `x` (only a summary's quantiles, which carry the bare name).
    var acceptsBareName: Bool {
        switch self {
        case .histogram, .gaugehistogram, .info: return false
        default: return true
        }
    }
}
