import MetricStore

/// Builds a `ClusterSnapshot` from the store, frame after frame. It keeps the per-target plans (which series
/// feed which value) and rebuilds them only when the store's series change, so a frame only reads numbers.
public struct ClusterBuilder: Sendable {
    public var configuration: ModelConfiguration
    private var plans: [String: TargetPlan] = [:]
    private var planGeneration = -1

    public init(configuration: ModelConfiguration = ModelConfiguration()) {
        self.configuration = configuration
    }

    /// The picture at the newest scrape of each target.
    public mutating func snapshot(from store: MetricStore) -> ClusterSnapshot {
        if planGeneration != store.layoutGeneration || plans.count != store.targetNames.count {
            plans = Dictionary(uniqueKeysWithValues: store.targetNames.map {
                ($0, ClusterPlan.plan(target: $0, store: store, configuration: configuration))
            })
            planGeneration = store.layoutGeneration
        }
        var frame = FrameBuilder(configuration: configuration)
        for target in store.targetNames {
            guard let plan = plans[target], let status = store.status(of: target) else { continue }
            frame.add(plan, status: status, store: store)
        }
        return frame.finish()
    }
}

/// One frame's work: evaluates the plans against the store's newest values.
struct FrameBuilder {
    let configuration: ModelConfiguration
    var timeMs: Int64 = 0
    var gpus: [GPU] = []
    var instances: [EngineInstance] = []
    var targets: [TargetHealth] = []
    var histograms: [String: [InstanceMetric: MergedHistogram]] = [:]
    var notes: [String] = []

    init(configuration: ModelConfiguration) { self.configuration = configuration }

    mutating func add(_ plan: TargetPlan, status: TargetStatus, store: MetricStore) {
        timeMs = max(timeMs, status.lastScrapeMs ?? status.lastAttemptMs ?? 0)
        targets.append(TargetHealth(id: status.id, up: status.up, lastScrapeMs: status.lastScrapeMs,
                                    scrapeDurationSeconds: status.scrapeDurationSeconds, bytes: status.bytes,
                                    samples: status.samples, errorCount: status.errorCount, lastError: status.lastError,
                                    consecutiveFailures: status.consecutiveFailures))
        let window = store.window(of: plan.name, windowMs: configuration.rateWindowMs)
        for gpuPlan in plan.gpus { gpus.append(gpu(gpuPlan, store: store)) }
        for instancePlan in plan.instances {
            instances.append(instance(instancePlan, up: status.up, window: window, store: store))
        }
        if plan.instances.isEmpty && plan.gpus.isEmpty && (status.errorCount == 0 || !status.up) {
            // A target that answers without serving metrics is still loading its model; one that never
            // answered is unreachable. Either way it is shown, not silently left out.
            let state: InstanceState = status.up ? .loading : .unreachable
            instances.append(EngineInstance(id: plan.name, target: plan.name, engine: .unknown,
                                            node: configuration.targetNodes[plan.name] ?? TargetHost.host(of: plan.name),
                                            state: state))
            if status.up && (status.samples ?? 0) > 0 {
                notes.append("\(plan.name): no known server or exporter metrics on the page (\(status.samples ?? 0) samples)")
            }
        }
    }

    private func gpu(_ plan: GPUPlan, store: MetricStore) -> GPU {
        func read(_ metric: GPUMetric) -> Double? {
            guard let ref = plan.fields[metric.rawValue], let value = store.latest(ref.id), value < plan.missingAbove else { return nil }
            return value * ref.scale
        }
        let used = read(.vramUsed)
        let free = read(.vramFree)
        var total = read(.vramTotal)
        if total == nil, let used, let free { total = used + free + (read(.vramReserved) ?? 0) }
        let anyField = plan.fields.contains { $0.map { store.latest($0.id) != nil } ?? false }
        return GPU(id: plan.id, node: plan.node, index: plan.index, uuid: plan.uuid, modelName: plan.modelName,
                   vramUsedBytes: used, vramFreeBytes: free, vramTotalBytes: total, utilization: read(.utilization),
                   temperatureC: read(.temperature), powerWatts: read(.power), powerLimitWatts: read(.powerLimit),
                   smClockMHz: read(.smClock), memClockMHz: read(.memClock), migProfile: plan.migProfile,
                   stale: !anyField)
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
        var merged: [InstanceMetric: MergedHistogram] = [:]
        func quantiles(_ metric: InstanceMetric) -> Quantiles {
            if let window, !plan.histograms[metric.rawValue].isEmpty {
                var parts: [MergedHistogram] = []
                for part in plan.histograms[metric.rawValue] {
                    if let rates = store.bucketRates(part.buckets, in: window), let histogram = MergedHistogram(rates) {
                        parts.append(histogram)
                    }
                }
                let (result, conflict) = MergedHistogram.merge(parts)
                if conflict { notes.append("\(plan.id): \(metric) parts have different bucket boundaries; not merged") }
                guard let result else { return .none }
                merged[metric] = result
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
        histograms[plan.id] = merged
        return result
    }

    consuming func finish() -> ClusterSnapshot {
        ClusterAggregator.snapshot(timeMs: timeMs, gpus: gpus, instances: instances, targets: targets,
                                   histograms: histograms, notes: notes, configuration: configuration)
    }
}
