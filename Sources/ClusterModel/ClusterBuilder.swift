import MetricStore
import Parallel

/// Builds a `ClusterSnapshot` from the store, frame after frame. It keeps the per-target plans (which series
/// feed which value) and the frame layout (joins and groupings), and rebuilds them only when the store's
/// series, the configuration or the targets shown by themselves change, so a frame only reads numbers.
package struct ClusterBuilder: Sendable {
    package var configuration: ModelConfiguration
    private var plans: [TargetPlan] = []
    private var plannedGeneration = -1
    private var plannedConfiguration: ModelConfiguration?
    /// Counts plan rebuilds, so a layout knows which plans it was made for.
    private var planVersion = 0
    /// Display order (node, index / node, target, model), computed with the plans so frames need not sort:
    /// (target position, GPU plan index) and (target position, instance plan index, or -1 for a target
    /// shown by itself because it has no instances or GPUs).
    private var gpuOrder: [(target: Int, index: Int)] = []
    private var instanceOrder: [(target: Int, index: Int)] = []
    private var boundsTable = BucketBoundsTable()
    /// What each instance reads, in `instanceOrder`.
    private var columns = InstanceColumns()
    /// GPUs of engines joined through their pod, and nodes of targets shown by themselves (`ClusterPlan.joinPods`).
    private var podJoins = PodJoins()
    private var layout: FrameLayout?
    /// Reused from frame to frame.
    private var histograms = FrameHistograms()
    /// The engine and model each single-engine target last served, so while it restarts and loads (an empty
    /// page) it is still shown as what it was, not as an unknown target. The store keeps only a rate window of
    /// points, so this cannot be read back from old series.
    private var lastServed: [String: (engine: EngineKind, model: String?)] = [:]

    package init(configuration: ModelConfiguration = ModelConfiguration()) {
        self.configuration = configuration
    }

    /// The rate window of `target`: the configured one, or with `shortensYoungWindows` the time the target has
    /// been scraped when that is shorter (at least 1 ms, so one scrape still gives no rate).
    private func windowMs(of target: String, status: TargetStatus, in store: MetricStore) -> Int64 {
        // Rates a query server computed are over its window, whatever this model's is.
        if let given = status.givenRateWindowMs { return given }
        guard configuration.shortensYoungWindows, let first = store.oldestTimeMs(of: target),
            let last = store.latestTimeMs(of: target)
        else { return configuration.rateWindowMs }
        return min(configuration.rateWindowMs, max(1, last - first))
    }

    /// The picture at the newest scrape of each target.
    package mutating func snapshot(from store: MetricStore) -> ClusterSnapshot {
        let names = store.targetNames
        if plannedGeneration != store.layoutGeneration || plans.count != names.count || plannedConfiguration != configuration {
            rebuildPlans(names, store: store)
        }
        var statuses: [TargetStatus] = []
        var windows: [ScrapeWindow?] = []
        statuses.reserveCapacity(names.count)
        windows.reserveCapacity(names.count)
        for name in names {
            let status = store.status(of: name) ?? TargetStatus(id: name)
            statuses.append(status)
            windows.append(store.window(of: name, windowMs: windowMs(of: name, status: status, in: store)))
        }
        let key = FrameLayout.Key(
            planGeneration: planVersion,
            placeholders: instanceOrder.map {
                $0.index < 0 && FrameBuilder.showsPlaceholder(statuses[$0.target])
            })
        histograms.reset(instances: instanceOrder.count)
        let known = layout?.key == key ? layout : nil
        // The frame is made inside the closure and returned from it: captured by it, it would be boxed, and `finish`
        // would then get a copy whose arrays are shared, copying every instance to set its joins.
        let frame = plans.withUnsafeBufferPointer { plans in
            var frame = FrameBuilder(
                configuration: configuration, boundsTable: boundsTable, columns: columns, layout: known,
                podJoins: podJoins, gpuCount: gpuOrder.count, instanceCount: instanceOrder.count)
            for status in statuses { frame.add(status) }
            // Plans are handed on by address: passed by value, each would be copied with its strings and arrays
            // (the compiler cannot tell that the frame's work leaves them alone), ≈ 10 % of the frame, measured.
            for entry in gpuOrder {
                plans[entry.target].gpus.withUnsafeBufferPointer {
                    frame.addGPU($0.baseAddress! + entry.index, target: entry.target, store: store)
                }
            }
            for (position, entry) in instanceOrder.enumerated() {
                if entry.index >= 0 {
                    plans[entry.target].instances.withUnsafeBufferPointer {
                        frame.addInstance(
                            $0.baseAddress! + entry.index, position: position, target: entry.target,
                            up: statuses[entry.target].up,
                            window: windows[entry.target],
                            store: store, histograms: &histograms)
                    }
                } else if key.placeholders[position] {
                    frame.addPlaceholder(
                        target: names[entry.target], status: statuses[entry.target],
                        served: lastServed[names[entry.target]], histograms: &histograms)
                }
            }
            return frame
        }
        let current =
            known
            ?? FrameLayout(
                key: key, gpus: frame.gpus, instances: frame.instances, podGPUs: podJoins.gpusOfInstance,
                configuration: configuration)
        layout = current
        var snapshot = frame.finish(layout: current, histograms: &histograms)
        if !current.unresolved.isEmpty { snapshot.notes = Array(Set(snapshot.notes + current.unresolved)).sorted() }
        // What the rates were taken over, as said on every output: while targets are young (shortened windows)
        // that is less than the configured window, and saying the configured one would be untrue.
        snapshot.rateWindowMs = windows.compactMap { $0.map { $0.endMs - $0.startMs } }.max() ?? configuration.rateWindowMs
        return snapshot
    }

    private mutating func rebuildPlans(_ names: [String], store: MetricStore) {
        // Each target's plan reads the store alone: side by side, the first frame's planning of 46 targets took
        // 5-8 ms less of the launch (it runs while the next warm-up tick waits for the frame).
        let configuration = configuration
        plans = SideBySide.map(count: names.count) {
            ClusterPlan.plan(target: names[$0], store: store, configuration: configuration)
        }
        podJoins = ClusterPlan.joinPods(&plans, configuration: configuration)
        plannedGeneration = store.layoutGeneration
        plannedConfiguration = configuration
        planVersion += 1
        boundsTable = BucketBoundsTable()
        for t in plans.indices {
            for i in plans[t].instances.indices {
                plans[t].instances[i].histograms.modifyEach { $0.boundsID = boundsTable.id(of: $0.bounds) }
            }
        }
        var gpuKeys: [(key: (String, Int, String), entry: (target: Int, index: Int))] = []
        var instanceKeys: [(key: (String, String, String, String), entry: (target: Int, index: Int))] = []
        for plan in plans where plan.instances.count == 1 {
            lastServed[plan.name] = (plan.instances[0].engine, plan.instances[0].model)
        }
        for (t, plan) in plans.enumerated() {
            for (index, gpu) in plan.gpus.enumerated() { gpuKeys.append(((gpu.node, gpu.index, gpu.id), (t, index))) }
            for (index, instance) in plan.instances.enumerated() {
                instanceKeys.append(((instance.node ?? "", plan.name, instance.model ?? "", instance.id), (t, index)))
            }
            if plan.instances.isEmpty && plan.gpus.isEmpty {
                instanceKeys.append(
                    (
                        (
                            FrameBuilder.placeholderNode(plan.name, configuration, podJoins) ?? "", plan.name,
                            lastServed[plan.name]?.model ?? "", plan.name
                        ), (t, -1)
                    ))
            }
        }
        gpuOrder = gpuKeys.sorted { $0.key < $1.key }.map(\.entry)
        instanceOrder = instanceKeys.sorted { $0.key < $1.key }.map(\.entry)
        columns = InstanceColumns(plans: plans, order: instanceOrder)
    }
}
