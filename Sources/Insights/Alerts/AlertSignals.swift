import ClusterModel

/// The value each enabled rule tests, for each subject of a snapshot. Pure: the stateful inputs (load
/// starts, queue trends, GPUs' recent loads) are passed in.
///
/// A signal names its subject by kind, id and place in the snapshot; the subject's names (node, model, GPU type)
/// are looked up only for the few signals the engine keeps (`subject(of:)`): most subjects are healthy and
/// tracked by no rule, and finding a GPU's model costs a lookup per instance on it, every tick.
struct AlertSignals {
    struct Signal {
        var kind: AlertRuleKind
        var subjectKind: AlertSubject.Kind
        var id: String
        /// Where the subject is in the snapshot's GPUs, instances or targets (by `subjectKind`).
        var position: Int
        var value: Double?
    }

    let snapshot: ClusterSnapshot
    let index: SnapshotIndex
    let configuration: AlertRuleConfiguration
    let loads: LoadTracker
    let queue: QueueTrend
    let thermal: ThermalLoad

    func compute() -> [Signal] {
        var signals: [Signal] = []
        signals.reserveCapacity(snapshot.gpus.count * 4 + snapshot.instances.count * 6 + snapshot.targets.count)
        gpuSignals(into: &signals)
        instanceSignals(into: &signals)
        if configuration.rule(.targetDown) != nil {
            for (position, target) in snapshot.targets.enumerated() {
                signals.append(
                    Signal(
                        kind: .targetDown, subjectKind: .target, id: target.id, position: position,
                        value: target.up ? 0 : Double(max(1, target.consecutiveFailures))))
            }
        }
        return signals
    }

    /// The subject of a signal `compute` made, with the names a person and a filter know it by.
    func subject(of signal: Signal) -> AlertSubject {
        switch signal.subjectKind {
        case .gpu:
            let gpu = snapshot.gpus[signal.position]
            return AlertSubject(
                kind: .gpu, id: gpu.id, node: gpu.node, model: index.model(of: gpu), gpuType: gpu.modelName)
        case .instance:
            let instance = snapshot.instances[signal.position]
            return AlertSubject(
                kind: .instance, id: instance.id, node: instance.node, model: instance.model,
                gpuType: index.gpuType(of: instance))
        case .target:
            // A target has no node of its own; an engine's target takes its (first) instance's, so the event
            // log's node column and a node filter find it.
            let instance = snapshot.instances.first { $0.target == signal.id }
            return AlertSubject(kind: .target, id: signal.id, node: instance?.node, model: instance?.model)
        }
    }

    private func gpuSignals(into signals: inout [Signal]) {
        let rules = [AlertRuleKind.vram, .gpuTemperature, .gpuHotterThanPeers, .gpuThrottling]
            .filter { configuration.rule($0) != nil }
        guard !rules.isEmpty else { return }
        let peers = PeerMedians(
            snapshot.gpus, minimumUtilization: configuration.throttleMinimumUtilization, thermal: thermal)
        for (position, gpu) in snapshot.gpus.enumerated() {
            // A stale GPU's values are the last ones seen: nothing says the condition still holds.
            let live = !gpu.stale
            for kind in rules {
                var value: Double? = nil
                if live {
                    switch kind {
                    case .vram: value = gpu.vramFraction
                    case .gpuTemperature: value = gpu.temperatureC
                    case .gpuHotterThanPeers:
                        value = peers.temperatureExcess(gpu, at: position, minimumPeers: configuration.minimumPeers)
                    default:
                        value = peers.clockRatio(gpu, minimumPeers: configuration.minimumPeers)
                    }
                }
                signals.append(Signal(kind: kind, subjectKind: .gpu, id: gpu.id, position: position, value: value))
            }
        }
    }

    private func instanceSignals(into signals: inout [Signal]) {
        let rules = [AlertRuleKind.kvCache, .queueGrowing, .ttftSLO, .preemptions, .engineRestart, .slowLoad]
            .filter { configuration.rule($0) != nil }
        guard !rules.isEmpty else { return }
        let now = snapshot.timeMs
        for (position, instance) in snapshot.instances.enumerated() {
            let reachable = instance.state != .unreachable
            for kind in rules {
                var value: Double? = nil
                switch kind {
                case .kvCache: value = reachable ? instance.kvCacheUsage : nil
                case .queueGrowing:
                    value = reachable ? queue.slope(instance.id, windowSeconds: configuration.queueTrendWindowSeconds) : nil
                case .ttftSLO: value = reachable ? instance.ttft.p95 : nil
                case .preemptions: value = reachable ? instance.preemptionsPerSecond : nil
                case .engineRestart:
                    let holdMs = Int64(configuration.restartHoldSeconds * 1000)
                    let recentReset = instance.restartedAtMs.map { now - $0 <= holdMs } ?? false
                    value = instance.state == .restarted || recentReset ? 1 : 0
                default:
                    value = loads.loadingSince(instance.id).map { Double(now - $0) / 1000 } ?? 0
                }
                signals.append(
                    Signal(kind: kind, subjectKind: .instance, id: instance.id, position: position, value: value))
            }
        }
    }
}
