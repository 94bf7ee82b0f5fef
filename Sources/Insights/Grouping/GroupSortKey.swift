import ClusterModel

/// What groups (and the GPUs inside an expanded group) are sorted by.
package enum GroupSortKey: String, Sendable, Hashable, CaseIterable {
    case name, gpus, vram, util, temp, power, tps

    /// The group's value for this key (nil sorts last); `name` sorts by key instead.
    package func value(of group: GPUGroup) -> Double? {
        switch self {
        case .name: return nil
        case .gpus: return Double(group.gpuCount)
        case .vram: return group.vramFraction
        case .util: return group.meanUtilization
        case .temp: return group.maxTemperatureC
        case .power: return group.powerWatts
        case .tps: return group.generationTokensPerSecond
        }
    }

    /// A member GPU's value for this key; nil for keys a GPU does not have.
    package func value(of gpu: GPU) -> Double? {
        switch self {
        case .name, .gpus, .tps: return nil
        case .vram: return gpu.vramFraction
        case .util: return gpu.utilization
        case .temp: return gpu.temperatureC
        case .power: return gpu.powerWatts
        }
    }
}

/// Sorts stably by an optional number, largest first unless `ascending`; absent values go last either way.
func sortedByValue<T>(_ items: [T], ascending: Bool, _ key: (T) -> Double?) -> [T] {
    let keyed = items.enumerated().map { (offset: $0.offset, item: $0.element, key: key($0.element)) }
    return keyed.sorted { a, b in
        switch (a.key, b.key) {
        case (let x?, let y?) where x != y: return ascending ? x < y : x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a.offset < b.offset
        }
    }.map(\.item)
}
