/// Joins instances to GPUs and computes what spans several of them: nodes, cluster totals, and the
/// breakdowns per model and per GPU type. Quantiles across instances come from their merged bucket
/// rates; when boundaries differ, a note says so and the quantile stays absent.
///
/// Runs every frame over thousands of GPUs and instances, so it works with indices and never copies the
/// (string-holding) instance and GPU values around.
enum ClusterAggregator {
    static func snapshot(timeMs: Int64, gpus orderedGPUs: [GPU], instances orderedInstances: [EngineInstance],
                         targets: [TargetHealth], histograms: [[MergedHistogram?]],
                         notes initialNotes: [String], configuration: ModelConfiguration) -> ClusterSnapshot {
        var notes = initialNotes
        // The builder hands both lists over in display order (its plans are sorted once), so no sorting here.
        var gpus = orderedGPUs
        var instances = orderedInstances
        let (gpuInstances, instanceGPUs) = join(&gpus, &instances, configuration: configuration)

        var nodes: [String: Node] = [:]
        for index in gpus.indices {  // by index: a `for gpu in gpus` copy would retain every string of it
            let node = gpus[index].node
            nodes[node, default: Node(name: node, up: false)].gpuIDs.append(gpus[index].id)
            if !gpus[index].stale { nodes[node]?.up = true }
        }
        for instance in instances {
            guard let node = instance.node else { continue }
            nodes[node, default: Node(name: node, up: false)].instanceIDs.append(instance.id)
            if instance.state != .unreachable { nodes[node]?.up = true }
        }

        func merged(_ metric: InstanceMetric, of members: [Int], scope: String) -> Quantiles {
            let parts = members.compactMap { histograms[$0][metric.rawValue] }
            let (result, conflict) = MergedHistogram.merge(parts)
            if conflict {
                let sets = Set(parts.map(\.bounds)).count
                notes.append("\(scope) \(metric): instances use \(sets) different bucket boundary sets; not merged")
            }
            return result?.quantiles ?? .none
        }
        func total(_ members: [Int], _ field: KeyPath<EngineInstance, Double?>) -> Double? {
            var sum: Double?
            for index in members { if let v = instances[index][keyPath: field] { sum = (sum ?? 0) + v } }
            return sum
        }

        let live = instances.indices.filter { instances[$0].state != .unreachable }
        var totals = ClusterTotals(gpuCount: gpus.count, instanceCount: instances.count)
        let allGPUs = Array(gpus.indices)
        totals.vramUsedBytes = sum(allGPUs.lazy.map { gpus[$0].vramUsedBytes })
        totals.vramTotalBytes = sum(allGPUs.lazy.map { gpus[$0].vramTotalBytes })
        totals.meanUtilization = mean(allGPUs.lazy.map { gpus[$0].utilization })
        totals.powerWatts = sum(allGPUs.lazy.map { gpus[$0].powerWatts })
        totals.promptTokensPerSecond = total(live, \.promptTokensPerSecond)
        totals.generationTokensPerSecond = total(live, \.generationTokensPerSecond)
        totals.requestsPerSecond = total(live, \.requestsPerSecond)
        totals.running = total(live, \.running)
        totals.waiting = total(live, \.waiting)
        totals.ttft = merged(.ttft, of: live, scope: "cluster")
        totals.itl = merged(.itl, of: live, scope: "cluster")
        totals.e2e = merged(.e2e, of: live, scope: "cluster")

        var byModel: [ModelAggregate] = []
        var modelMembers: [String: [Int]] = [:]
        for index in live { if let model = instances[index].model { modelMembers[model, default: []].append(index) } }
        for (model, members) in modelMembers.sorted(by: { $0.key < $1.key }) {
            var gpuSet = Set<Int>()
            for index in members { gpuSet.formUnion(instanceGPUs[index]) }
            byModel.append(ModelAggregate(
                model: model, instanceCount: members.count, gpuCount: gpuSet.count,
                running: total(members, \.running), waiting: total(members, \.waiting),
                promptTokensPerSecond: total(members, \.promptTokensPerSecond),
                generationTokensPerSecond: total(members, \.generationTokensPerSecond),
                requestsPerSecond: total(members, \.requestsPerSecond),
                ttft: merged(.ttft, of: members, scope: "model \(model)"), itl: merged(.itl, of: members, scope: "model \(model)"),
                e2e: merged(.e2e, of: members, scope: "model \(model)")))
        }

        var byGPUType: [GPUTypeAggregate] = []
        var typeMembers: [String: [Int]] = [:]
        for index in gpus.indices { typeMembers[gpus[index].modelName ?? "unknown", default: []].append(index) }
        for (type, members) in typeMembers.sorted(by: { $0.key < $1.key }) {
            var served = Set<Int>()
            var tokens: Double?
            for gpu in members {
                for index in gpuInstances[gpu] where instances[index].state != .unreachable {
                    served.insert(index)
                    // An engine's tokens are shared evenly among the GPUs it was joined to, so an engine that
                    // spans two GPU types is not counted twice.
                    if let tps = instances[index].generationTokensPerSecond {
                        tokens = (tokens ?? 0) + tps / Double(max(1, instances[index].gpuIDs.count))
                    }
                }
            }
            let power = sum(members.lazy.map { gpus[$0].powerWatts })
            var aggregate = GPUTypeAggregate(modelName: type, count: members.count,
                                             meanVRAMFraction: mean(members.lazy.map { gpus[$0].vramFraction }),
                                             meanUtilization: mean(members.lazy.map { gpus[$0].utilization }), powerWatts: power)
            if let tokens {
                aggregate.generationTokensPerSecondPerGPU = tokens / Double(members.count)
                if let power, power > 0 { aggregate.generationTokensPerWatt = tokens / power }
            }
            aggregate.ttftP95 = served.isEmpty ? nil : merged(.ttft, of: served.sorted(), scope: "GPU type \(type)").p95
            byGPUType.append(aggregate)
        }

        return ClusterSnapshot(timeMs: timeMs, nodes: nodes.values.sorted { $0.name < $1.name }, gpus: gpus,
                               instances: instances, targets: targets, totals: totals, byModel: byModel,
                               byGPUType: byGPUType, notes: Array(Set(notes)).sorted())
    }

    /// Every instance of a node is joined to every GPU of that node (the pages do not say which GPU an engine
    /// uses); an explicit map in the configuration, by GPU id or UUID, wins. Returns each GPU's instances
    /// and each instance's GPUs, as indices.
    private static func join(_ gpus: inout [GPU], _ instances: inout [EngineInstance],
                             configuration: ModelConfiguration) -> (gpuInstances: [[Int]], instanceGPUs: [[Int]]) {
        var gpusByNode: [String: [Int]] = [:]
        var gpuIndex: [String: Int] = [:]
        for (index, gpu) in gpus.enumerated() {
            gpusByNode[gpu.node, default: []].append(index)
            if !configuration.instanceGPUs.isEmpty {
                gpuIndex[gpu.id] = index
                if let uuid = gpu.uuid, gpuIndex[uuid] == nil { gpuIndex[uuid] = index }
            }
        }
        var gpuInstances = [[Int]](repeating: [], count: gpus.count)
        var instanceGPUs = [[Int]](repeating: [], count: instances.count)
        for position in instances.indices {
            let joined: [Int]
            if let explicit = configuration.instanceGPUs[instances[position].id] {
                joined = explicit.compactMap { gpuIndex[$0] }
            } else if let node = instances[position].node {
                joined = gpusByNode[node] ?? []
            } else {
                joined = []
            }
            instances[position].gpuIDs = joined.map { gpus[$0].id }
            instanceGPUs[position] = joined
            for index in joined {
                gpus[index].instanceIDs.append(instances[position].id)
                gpuInstances[index].append(position)
            }
        }
        return (gpuInstances, instanceGPUs)
    }

    /// The sum of the known values, or nil when none is known (absent is not 0).
    static func sum<S: Sequence>(_ values: S) -> Double? where S.Element == Double? {
        var total: Double?
        for case let value? in values { total = (total ?? 0) + value }
        return total
    }

    static func mean<S: Sequence>(_ values: S) -> Double? where S.Element == Double? {
        var total = 0.0
        var count = 0
        for case let value? in values {
            total += value
            count += 1
        }
        return count == 0 ? nil : total / Double(count)
    }
}
