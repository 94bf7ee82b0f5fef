import MetricStore

/// Builds a `ClusterSnapshot` from the store, frame after frame. It keeps the per-target plans (which series
/// feed which value) and rebuilds them only when the store's series change, so a frame only reads numbers.
public struct ClusterBuilder: Sendable {
    public var configuration: ModelConfiguration
    private var plans: [TargetPlan] = []
    private var planGeneration = -1
    /// Display order (node, index / node, target, model), computed with the plans so frames need not sort:
    /// (target position, GPU plan index) and (target position, instance plan index, or -1 for a target
    /// shown by itself because it has no instances or GPUs).
    private var gpuOrder: [(target: Int, index: Int)] = []
    private var instanceOrder: [(target: Int, index: Int)] = []

    public init(configuration: ModelConfiguration = ModelConfiguration()) {
        self.configuration = configuration
    }

    /// The picture at the newest scrape of each target.
    public mutating func snapshot(from store: MetricStore) -> ClusterSnapshot {
        let names = store.targetNames
        if planGeneration != store.layoutGeneration || plans.count != names.count { rebuildPlans(names, store: store) }
        var frame = FrameBuilder(configuration: configuration)
        var statuses: [TargetStatus] = []
        var windows: [ScrapeWindow?] = []
        for name in names {
            let status = store.status(of: name) ?? TargetStatus(id: name)
            frame.add(status)
            statuses.append(status)
            windows.append(store.window(of: name, windowMs: configuration.rateWindowMs))
        }
        for entry in gpuOrder { frame.addGPU(plans[entry.target].gpus[entry.index], store: store) }
        for entry in instanceOrder {
            if entry.index >= 0 {
                frame.addInstance(plans[entry.target].instances[entry.index], up: statuses[entry.target].up,
                                  window: windows[entry.target], store: store)
            } else {
                frame.addPlaceholder(target: names[entry.target], status: statuses[entry.target])
            }
        }
        return frame.finish()
    }

    private mutating func rebuildPlans(_ names: [String], store: MetricStore) {
        plans = names.map { ClusterPlan.plan(target: $0, store: store, configuration: configuration) }
        planGeneration = store.layoutGeneration
        var gpuKeys: [(key: (String, Int, String), entry: (target: Int, index: Int))] = []
        var instanceKeys: [(key: (String, String, String, String), entry: (target: Int, index: Int))] = []
        for (t, plan) in plans.enumerated() {
            for (index, gpu) in plan.gpus.enumerated() { gpuKeys.append(((gpu.node, gpu.index, gpu.id), (t, index))) }
            for (index, instance) in plan.instances.enumerated() {
                instanceKeys.append(((instance.node ?? "", plan.name, instance.model ?? "", instance.id), (t, index)))
            }
            if plan.instances.isEmpty && plan.gpus.isEmpty {
                instanceKeys.append(((FrameBuilder.placeholderNode(plan.name, configuration) ?? "", plan.name, "", plan.name), (t, -1)))
            }
        }
        gpuOrder = gpuKeys.sorted { $0.key < $1.key }.map(\.entry)
        instanceOrder = instanceKeys.sorted { $0.key < $1.key }.map(\.entry)
    }
}

/// One frame's work: evaluates the plans against the store's newest values, in display order.
struct FrameBuilder {
    let configuration: ModelConfiguration
    var timeMs: Int64 = 0
    var gpus: [GPU] = []
    var instances: [EngineInstance] = []
    var targets: [TargetHealth] = []
    /// Each instance's merged bucket rates by `InstanceMetric.rawValue`, parallel to `instances`.
    var histograms: [[MergedHistogram?]] = []
    var notes: [String] = []

    init(configuration: ModelConfiguration) { self.configuration = configuration }

    static func placeholderNode(_ target: String, _ configuration: ModelConfiguration) -> String? {
        configuration.targetNodes[target] ?? TargetHost.host(of: target)
    }

    mutating func add(_ status: TargetStatus) {
        timeMs = max(timeMs, status.lastScrapeMs ?? status.lastAttemptMs ?? 0)
        targets.append(TargetHealth(id: status.id, up: status.up, lastScrapeMs: status.lastScrapeMs,
                                    scrapeDurationSeconds: status.scrapeDurationSeconds, bytes: status.bytes,
                                    samples: status.samples, errorCount: status.errorCount, lastError: status.lastError,
                                    consecutiveFailures: status.consecutiveFailures))
    }

    mutating func addGPU(_ plan: GPUPlan, store: MetricStore) { gpus.append(gpu(plan, store: store)) }

    mutating func addInstance(_ plan: InstancePlan, up: Bool, window: ScrapeWindow?, store: MetricStore) {
        instances.append(instance(plan, up: up, window: window, store: store))
    }

    /// A target with neither instances nor GPUs: one that answers without serving metrics is still loading
    /// its model; one that never answered is unreachable. Either way it is shown, not silently left out.
    /// (A page that failed to parse shows only as a target with its error.)
    mutating func addPlaceholder(target: String, status: TargetStatus) {
        guard status.errorCount == 0 || !status.up else { return }
        instances.append(EngineInstance(id: target, target: target, engine: .unknown,
                                        node: Self.placeholderNode(target, configuration),
                                        state: status.up ? .loading : .unreachable))
        histograms.append([MergedHistogram?](repeating: nil, count: InstanceMetric.allCases.count))
        if status.up && (status.samples ?? 0) > 0 {
            notes.append("\(target): no known server or exporter metrics on the page (\(status.samples ?? 0) samples)")
        }
    }

    private func gpu(_ plan: GPUPlan, store: MetricStore) -> GPU {
        var anyField = false
        func read(_ metric: GPUMetric) -> Double? {
            guard let ref = plan.fields[metric.rawValue], let value = store.latest(ref.id) else { return nil }
            anyField = true  // a sentinel still shows the exporter reports the GPU
            return value < plan.missingAbove ? value * ref.scale : nil
        }
        let used = read(.vramUsed)
        let free = read(.vramFree)
        var total = read(.vramTotal)
        if total == nil, let used, let free { total = used + free + (read(.vramReserved) ?? 0) }
        var gpu = GPU(id: plan.id, node: plan.node, index: plan.index, uuid: plan.uuid, modelName: plan.modelName,
                      vramUsedBytes: used, vramFreeBytes: free, vramTotalBytes: total, utilization: read(.utilization),
                      temperatureC: read(.temperature), powerWatts: read(.power), powerLimitWatts: read(.powerLimit),
                      smClockMHz: read(.smClock), memClockMHz: read(.memClock), migProfile: plan.migProfile)
        gpu.stale = !anyField  // after every read above
        return gpu
    }

    private mutating func instance(_ plan: InstancePlan, up: Bool, window: ScrapeWindow?, store: MetricStore) -> EngineInstance {
        var restartedAt: Int64?
        func gauge(_ metric: InstanceMetric) -> Double? {
            var sum: Double?
            for ref in plan.scalars[metric.rawValue] {
                if let value = store.latest(ref.id) { sum = (sum ?? 0) + value * ref.scale }
            }
            return sum
        }
        func rate(_ metric: InstanceMetric) -> Double? {
            guard let window else { return nil }
            var sum: Double?
            for ref in plan.scalars[metric.rawValue] {
                guard let rate = store.rate(ref.id, in: window) else { continue }
                if rate.reset { restartedAt = window.endMs }
                sum = (sum ?? 0) + rate.perSecond * ref.scale
            }
            return sum
        }
        var merged = [MergedHistogram?](repeating: nil, count: InstanceMetric.allCases.count)
        func quantiles(_ metric: InstanceMetric) -> Quantiles {
            if let window, !plan.histograms[metric.rawValue].isEmpty {
                var parts: [MergedHistogram] = []
                var rates: [Double] = []
                for part in plan.histograms[metric.rawValue] where store.rates(part.ids, in: window, into: &rates) {
                    parts.append(MergedHistogram(bounds: part.bounds, rates: rates))
                }
                let (result, conflict) = MergedHistogram.merge(parts)
                if conflict { notes.append("\(plan.id): \(metric) parts have different bucket boundaries; not merged") }
                guard let result else { return .none }
                merged[metric.rawValue] = result
                return result.quantiles
            }
            // Summaries carry their own quantiles, read as they are.
            var levels: [Double: Double] = [:]
            for entry in plan.summaries[metric.rawValue] {
                if let value = store.latest(entry.ref.id) { levels[entry.level] = max(levels[entry.level] ?? -.infinity, value * entry.ref.scale) }
            }
            return Quantiles(p50: levels[0.5], p90: levels[0.9], p95: levels[0.95], p99: levels[0.99])
        }
        let hits = rate(.prefixHits)
        let queries = rate(.prefixQueries)
        var hitRate = gauge(.prefixHitRatio)
        if let hits, let queries, queries > 0 { hitRate = hits / queries }
        var result = EngineInstance(
            id: plan.id, target: plan.target, engine: plan.engine, model: plan.model, node: plan.node,
            running: gauge(.running), waiting: gauge(.waiting), kvCacheUsage: gauge(.kvCacheUsage),
            ttft: quantiles(.ttft), itl: quantiles(.itl), e2e: quantiles(.e2e), queueTime: quantiles(.queueTime),
            promptTokensPerSecond: rate(.promptTokens) ?? gauge(.promptThroughput),
            generationTokensPerSecond: rate(.generationTokens) ?? gauge(.generationThroughput),
            requestsPerSecond: rate(.requests), preemptionsPerSecond: rate(.preemptions), prefixCacheHitRate: hitRate,
            abortedPerSecond: rate(.aborted), failedPerSecond: rate(.failed))
        result.restartedAtMs = restartedAt
        result.state = !up ? .unreachable : restartedAt != nil ? .restarted : .ready
        histograms.append(merged)
        return result
    }

    consuming func finish() -> ClusterSnapshot {
        ClusterAggregator.snapshot(timeMs: timeMs, gpus: gpus, instances: instances, targets: targets,
                                   histograms: histograms, notes: notes, configuration: configuration)
    }
}
