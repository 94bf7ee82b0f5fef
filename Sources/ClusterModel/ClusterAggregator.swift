/// Joins instances to GPUs and computes what spans several of them: nodes, cluster totals, and the
/// breakdowns per model and per GPU type. Quantiles across instances come from their merged bucket
/// rates; when boundaries differ, a note says so and the quantile stays absent.
enum ClusterAggregator {
    static func snapshot(timeMs: Int64, gpus unsortedGPUs: [GPU], instances unsortedInstances: [EngineInstance],
                         targets: [TargetHealth], histograms: [String: [InstanceMetric: MergedHistogram]],
                         notes initialNotes: [String], configuration: ModelConfiguration) -> ClusterSnapshot {
        var notes = initialNotes
        var gpus = unsortedGPUs.sorted { ($0.node, $0.index, $0.id) < ($1.node, $1.index, $1.id) }
        var instances = unsortedInstances.sorted { ($0.node ?? "", $0.target, $0.model ?? "") < ($1.node ?? "", $1.target, $1.model ?? "") }
        join(&gpus, &instances, configuration: configuration)

        var nodes: [String: Node] = [:]
        for gpu in gpus {
            nodes[gpu.node, default: Node(name: gpu.node, up: false)].gpuIDs.append(gpu.id)
            if !gpu.stale { nodes[gpu.node]?.up = true }
        }
        for instance in instances {
            guard let node = instance.node else { continue }
            nodes[node, default: Node(name: node, up: false)].instanceIDs.append(instance.id)
            if instance.state != .unreachable { nodes[node]?.up = true }
        }

        func merged(_ metric: InstanceMetric, of members: [EngineInstance], scope: String) -> Quantiles {
            let parts = members.compactMap { histograms[$0.id]?[metric] }
            let (result, conflict) = MergedHistogram.merge(parts)
            if conflict {
                let sets = Set(parts.map(\.bounds)).count
                notes.append("\(scope) \(metric): instances use \(sets) different bucket boundary sets; not merged")
            }
            return result?.quantiles ?? .none
        }

        let live = instances.filter { $0.state != .unreachable }
        var totals = ClusterTotals(gpuCount: gpus.count, instanceCount: instances.count)
        totals.vramUsedBytes = sum(gpus.map(\.vramUsedBytes))
        totals.vramTotalBytes = sum(gpus.map(\.vramTotalBytes))
        totals.meanUtilization = mean(gpus.map(\.utilization))
        totals.powerWatts = sum(gpus.map(\.powerWatts))
        totals.promptTokensPerSecond = sum(live.map(\.promptTokensPerSecond))
        totals.generationTokensPerSecond = sum(live.map(\.generationTokensPerSecond))
        totals.requestsPerSecond = sum(live.map(\.requestsPerSecond))
        totals.running = sum(live.map(\.running))
        totals.waiting = sum(live.map(\.waiting))
        totals.ttft = merged(.ttft, of: live, scope: "cluster")
        totals.itl = merged(.itl, of: live, scope: "cluster")
        totals.e2e = merged(.e2e, of: live, scope: "cluster")

        var byModel: [ModelAggregate] = []
        for (model, members) in Dictionary(grouping: live.filter { $0.model != nil }, by: { $0.model! }).sorted(by: { $0.key < $1.key }) {
            byModel.append(ModelAggregate(
                model: model, instanceCount: members.count, gpuCount: Set(members.flatMap(\.gpuIDs)).count,
                running: sum(members.map(\.running)), waiting: sum(members.map(\.waiting)),
                promptTokensPerSecond: sum(members.map(\.promptTokensPerSecond)),
                generationTokensPerSecond: sum(members.map(\.generationTokensPerSecond)),
                requestsPerSecond: sum(members.map(\.requestsPerSecond)),
                ttft: merged(.ttft, of: members, scope: "model \(model)"), itl: merged(.itl, of: members, scope: "model \(model)"),
                e2e: merged(.e2e, of: members, scope: "model \(model)")))
        }

        var byGPUType: [GPUTypeAggregate] = []
        let instanceByID = Dictionary(instances.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (type, members) in Dictionary(grouping: gpus, by: { $0.modelName ?? "unknown" }).sorted(by: { $0.key < $1.key }) {
            let served = Set(members.flatMap(\.instanceIDs)).sorted().compactMap { instanceByID[$0] }.filter { $0.state != .unreachable }
            // An engine's tokens are shared evenly among the GPUs it was joined to, so an engine that spans
            // two GPU types is not counted twice.
            let tokens = sum(members.flatMap { gpu in
                gpu.instanceIDs.compactMap { instanceByID[$0] }.filter { $0.state != .unreachable }.map { instance in
                    instance.generationTokensPerSecond.map { $0 / Double(max(1, instance.gpuIDs.count)) }
                }
            })
            let power = sum(members.map(\.powerWatts))
            var aggregate = GPUTypeAggregate(modelName: type, count: members.count,
                                             meanVRAMFraction: mean(members.map(\.vramFraction)),
                                             meanUtilization: mean(members.map(\.utilization)), powerWatts: power)
            if let tokens {
                aggregate.generationTokensPerSecondPerGPU = tokens / Double(members.count)
                if let power, power > 0 { aggregate.generationTokensPerWatt = tokens / power }
            }
            aggregate.ttftP95 = served.isEmpty ? nil : merged(.ttft, of: served, scope: "GPU type \(type)").p95
            byGPUType.append(aggregate)
        }

        return ClusterSnapshot(timeMs: timeMs, nodes: nodes.values.sorted { $0.name < $1.name }, gpus: gpus,
                               instances: instances, targets: targets, totals: totals, byModel: byModel,
                               byGPUType: byGPUType, notes: Array(Set(notes)).sorted())
    }

    /// Every instance of a node is joined to every GPU of that node (the pages do not say which GPU an engine
    /// uses); an explicit map in the configuration, by GPU id or UUID, wins.
    private static func join(_ gpus: inout [GPU], _ instances: inout [EngineInstance], configuration: ModelConfiguration) {
        var gpusByNode: [String: [Int]] = [:]
        var gpuIndex: [String: Int] = [:]
        for (index, gpu) in gpus.enumerated() {
            gpusByNode[gpu.node, default: []].append(index)
            gpuIndex[gpu.id] = index
            if let uuid = gpu.uuid, gpuIndex[uuid] == nil { gpuIndex[uuid] = index }
        }
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
            for index in joined { gpus[index].instanceIDs.append(instances[position].id) }
        }
    }

    /// The sum of the known values, or nil when none is known (absent is not 0).
    static func sum(_ values: [Double?]) -> Double? {
        var total: Double?
        for case let value? in values { total = (total ?? 0) + value }
        return total
    }

    static func mean(_ values: [Double?]) -> Double? {
        let known = values.compactMap { $0 }
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }
}
