/// Computes what spans several GPUs or instances: nodes, cluster totals, and the breakdowns per model and
/// per GPU type. Quantiles across instances come from their merged bucket rates; when boundaries differ, from
/// the mixture of their histograms (marked interpolated, and noted).
///
/// Runs every frame over thousands of GPUs and instances: the joins and groupings come ready from the
/// `FrameLayout`, it works with positions, and it never copies the (string-holding) GPU and instance values.
enum ClusterAggregator {
    struct Frame {
        var timeMs: Int64
        var gpus: [GPU]
        var instances: [EngineInstance]
        var targets: [TargetHealth]
        var notes: [String]
    }

    /// `frame`'s GPUs and instances already carry their joins (`GPU.instanceIDs`, `EngineInstance.gpuIDs`).
    static func snapshot(
        _ frame: Frame, layout: FrameLayout, histograms: inout FrameHistograms,
        boundsTable: BucketBoundsTable
    ) -> ClusterSnapshot {
        let gpus = frame.gpus
        let instances = frame.instances
        var notes = frame.notes

        var nodes = layout.nodes
        for n in nodes.indices {
            nodes[n].up =
                layout.nodeGPUs[n].contains { !gpus[$0].stale }
                || layout.nodeInstances[n].contains { instances[$0].state != .unreachable }
        }

        func merged(_ metric: InstanceMetric, of members: [Int], scope: @autoclosure () -> String) -> Quantiles {
            let (quantiles, sets) = histograms.merged(metric, of: members, boundsTable: boundsTable)
            if sets > 1 { notes.append(MixedBucketsNote.text(scope: scope(), metric: metric, sets: sets)) }
            return quantiles
        }
        // Readings the model marked invalid (NaN: out of range, see the targets' data-quality notes) are left out
        // of every sum and mean, and counted, so one bad gauge cannot turn a cluster total into "?".
        var leftOut = 0
        func add(_ value: Double?, to sum: inout Double?, count: inout Int) {
            guard let value else { return }
            guard value.isFinite else {
                leftOut += 1
                return
            }
            sum = (sum ?? 0) + value
            count += 1
        }
        func total(_ members: [Int], _ field: (EngineInstance) -> Double?) -> Double? {
            var sum: Double?
            var count = 0
            for index in members { add(field(instances[index]), to: &sum, count: &count) }
            return sum
        }
        func gpuSum(_ members: [Int], _ field: (GPU) -> Double?) -> Double? {
            var sum: Double?
            var count = 0
            for index in members { add(field(gpus[index]), to: &sum, count: &count) }
            return sum
        }
        func gpuMean(_ members: [Int], _ field: (GPU) -> Double?) -> Double? {
            var sum: Double?
            var count = 0
            for index in members { add(field(gpus[index]), to: &sum, count: &count) }
            return sum.map { $0 / Double(count) }
        }
        func isLive(_ index: Int) -> Bool { instances[index].state != .unreachable }

        let live = instances.indices.filter(isLive)
        // A stale GPU reads as absent, so the sums below leave it out; the count beside them says so.
        var totals = ClusterTotals(
            gpuCount: gpus.count, reportingGPUCount: gpus.reduce(0) { $0 + ($1.stale ? 0 : 1) },
            instanceCount: instances.count)
        let allGPUs = Array(gpus.indices)
        totals.vramUsedBytes = gpuSum(allGPUs) { $0.vramUsedBytes }
        totals.vramTotalBytes = gpuSum(allGPUs) { $0.vramTotalBytes }
        totals.meanUtilization = gpuMean(allGPUs) { $0.utilization }
        totals.powerWatts = gpuSum(allGPUs) { $0.powerWatts }
        totals.promptTokensPerSecond = total(live) { $0.promptTokensPerSecond }
        totals.generationTokensPerSecond = total(live) { $0.generationTokensPerSecond }
        totals.requestsPerSecond = total(live) { $0.requestsPerSecond }
        totals.running = total(live) { $0.running }
        totals.waiting = total(live) { $0.waiting }
        totals.ttft = merged(.ttft, of: live, scope: "cluster")
        totals.itl = merged(.itl, of: live, scope: "cluster")
        totals.e2e = merged(.e2e, of: live, scope: "cluster")

        var byModel: [ModelAggregate] = []
        var gpuSeen = [Bool](repeating: false, count: gpus.count)
        for (model, all) in layout.models {
            let members = all.filter(isLive)
            guard !members.isEmpty else { continue }
            var gpuCount = 0
            for index in members {
                for gpu in layout.instanceGPUs[index] where !gpuSeen[gpu] {
                    gpuSeen[gpu] = true
                    gpuCount += 1
                }
            }
            for index in members { for gpu in layout.instanceGPUs[index] { gpuSeen[gpu] = false } }
            byModel.append(
                ModelAggregate(
                    model: model, instanceCount: members.count, gpuCount: gpuCount,
                    running: total(members) { $0.running }, waiting: total(members) { $0.waiting },
                    promptTokensPerSecond: total(members) { $0.promptTokensPerSecond },
                    generationTokensPerSecond: total(members) { $0.generationTokensPerSecond },
                    requestsPerSecond: total(members) { $0.requestsPerSecond },
                    ttft: merged(.ttft, of: members, scope: "model \(model)"),
                    itl: merged(.itl, of: members, scope: "model \(model)"),
                    e2e: merged(.e2e, of: members, scope: "model \(model)")))
        }

        var byGPUType: [GPUTypeAggregate] = []
        var instanceSeen = [Bool](repeating: false, count: instances.count)
        for (type, members) in layout.gpuTypes {
            var served: [Int] = []
            var tokens: Double?
            for gpu in members {
                for index in layout.gpuInstances[gpu] where isLive(index) {
                    if !instanceSeen[index] {
                        instanceSeen[index] = true
                        served.append(index)
                    }
                    // An engine's tokens are shared evenly among the GPUs it was joined to, so an engine that
                    // spans two GPU types is not counted twice.
                    if let tps = instances[index].generationTokensPerSecond {
                        tokens = (tokens ?? 0) + tps / Double(max(1, layout.instanceGPUs[index].count))
                    }
                }
            }
            for index in served { instanceSeen[index] = false }
            let power = gpuSum(members) { $0.powerWatts }
            var aggregate = GPUTypeAggregate(
                modelName: type, count: members.count,
                meanVRAMFraction: gpuMean(members) { $0.vramFraction },
                meanUtilization: gpuMean(members) { $0.utilization }, powerWatts: power)
            if let tokens {
                aggregate.generationTokensPerSecondPerGPU = tokens / Double(members.count)
                if let power, power > 0 { aggregate.generationTokensPerWatt = tokens / power }
            }
            served.sort()
            if !served.isEmpty {
                let ttft = merged(.ttft, of: served, scope: "GPU type \(type)")
                aggregate.ttftP95 = ttft.p95
                aggregate.ttftP95Interpolated = ttft.interpolated
            }
            byGPUType.append(aggregate)
        }

        if leftOut > 0 {
            notes.append("totals leave out readings out of range (the targets screen names them)")
        }
        return ClusterSnapshot(
            timeMs: frame.timeMs, nodes: nodes, gpus: gpus, instances: instances,
            targets: frame.targets, totals: totals, byModel: byModel, byGPUType: byGPUType,
            notes: Array(Set(notes)).sorted())
    }
}
