import Exposition
import MetricStore

/// A series to read, and the factor into the model's units.
struct SeriesRef: Sendable {
    var id: SeriesID
    var scale: Double
}

/// The bucket series of one histogram of one instance part (one vLLM `engine`, one SGLang rank…), bounds
/// already scaled to seconds and sorted.
struct HistogramPart: Sendable {
    /// Strictly increasing, ending in `+Inf` (duplicates from odd pages are dropped when planning).
    var bounds: [Double]
    /// In `le` order; in the frame's `InstanceColumns`, a slice of one buffer shared by every instance's parts
    /// (`sharingIDs`), read every frame.
    var ids: ArraySlice<SeriesID>
    /// `bounds` numbered in the builder's `BucketBoundsTable` (set when the plans are built).
    var boundsID: Int32 = -1

    init(_ buckets: [(upperBound: Double, id: SeriesID)]) {
        var bounds: [Double] = []
        var ids: [SeriesID] = []
        for bucket in buckets.sorted(by: { $0.upperBound < $1.upperBound }) where bounds.last != bucket.upperBound {
            bounds.append(bucket.upperBound)
            ids.append(bucket.id)
        }
        self.bounds = bounds
        self.ids = ids[...]
    }

    /// `parts` with their ids moved into one buffer, in order.
    static func sharingIDs(_ parts: [HistogramPart]) -> [HistogramPart] {
        let all = parts.flatMap(\.ids)
        var start = 0
        return parts.map { part in
            var shared = part
            shared.ids = all[start..<start + part.ids.count]
            start += part.ids.count
            return shared
        }
    }
}

/// What to read each frame for one engine instance: which series feed which value. Built by `ClusterPlan`
/// when the store's series change, so a frame does no label work at all.
struct InstancePlan: Sendable {
    /// Its names, made once and shared by every frame's instance.
    var identity: SharedValue<InstanceIdentity>
    var id: String {
        get { identity.value.id }
        set { identity.value.id = newValue }
    }
    var engine: EngineKind { identity.value.engine }
    var model: String? { identity.value.model }
    var node: String? {
        get { identity.value.node }
        set { identity.value.node = newValue }
    }
    var pod: PodReference? { identity.value.pod }
    /// Gauge and counter sources, by `InstanceMetric.rawValue`.
    var scalars: Grouped<SeriesRef>
    /// Histogram parts, by `InstanceMetric.rawValue`.
    var histograms: Grouped<HistogramPart>
    /// Summary quantiles (level, series) by metric.
    var summaries: Grouped<(level: Double, ref: SeriesRef)>
    /// The target's process start time, when its page has one (`process_start_time_seconds`): a new value is a
    /// restart even when no counter went down.
    var processStart: SeriesRef?
}

/// What to read each frame for one GPU.
struct GPUPlan: Sendable {
    /// Its names and the pod using it (from DCGM's pod labels), made once and shared by every frame's GPU.
    var identity: SharedValue<GPUIdentity>
    var id: String { identity.value.id }
    var node: String { identity.value.node }
    var index: Int { identity.value.index }
    var pod: PodReference? { identity.value.pod }
    /// By `GPUMetric.rawValue`, held inline rather than in an array of their own: a frame reads every GPU's fields,
    /// and an array per GPU was a cache miss per GPU.
    var fields: Fields
    /// One per `GPUMetric` case (a test checks the count).
    typealias Fields = InlineArray<10, SeriesRef?>
    /// The dialect's blank codes (`GPUDialect.blankCodes`).
    var blankCodes: [ClosedRange<Double>]
}

/// The plan of one target: its instances and GPUs.
struct TargetPlan: Sendable {
    var name: String
    var instances: [InstancePlan]
    var gpus: [GPUPlan]
    var recognised: Bool
}

/// Turns a target's series into plans by running every dialect table over them.
enum ClusterPlan {
    private static let engineTables = EngineDialect.all.map { ($0, $0.lookupTable()) }
    private static let gpuTables = GPUDialect.all.map { ($0, $0.lookupTable()) }

    static func plan(target: String, store: MetricStore, configuration: ModelConfiguration) -> TargetPlan {
        let infos = store.series(of: target).map { (id: $0, info: store.info($0)) }
        // The names apart, read by every dialect: a map over `infos` copied each series' entry once a dialect.
        let names = infos.indices.map { infos[$0].info.name }
        let host = configuration.targetNodes[target] ?? TargetHost.host(of: target)
        var instances: [InstancePlan] = []
        var fillers: [InstancePlan] = []
        for (dialect, table) in engineTables {
            let stripped = names.map { dialect.strip($0) }
            guard stripped.contains(where: { $0.map { dialect.markers.contains(String($0)) } ?? false }) else { continue }
            let planned = planInstances(
                dialect: dialect, table: table, infos: infos, stripped: stripped,
                target: target, host: host, explicitNode: configuration.targetNodes[target],
                explicitPod: configuration.targetPods[target],
                explicitModel: configuration.targetModels[target])
            if dialect.fillsOtherInstances { fillers += planned } else { instances += planned }
        }
        if instances.isEmpty {
            instances = fillers
        } else {
            for filler in fillers {
                for index in instances.indices {
                    for metric in filler.scalars.indices where instances[index].scalars[metric].isEmpty {
                        instances[index].scalars[metric] = filler.scalars[metric]
                    }
                }
            }
        }
        // One process serves the page: its start time stands for every instance on it (a federated page with
        // several is not attributed).
        let starts = infos.filter { $0.info.name == "process_start_time_seconds" }
        if starts.count == 1 {
            for index in instances.indices { instances[index].processStart = SeriesRef(id: starts[0].id, scale: 1) }
        }
        var gpus: [String: GPUPlan] = [:]
        var priorities: [String: [Int]] = [:]
        var order: [String] = []
        for (dialect, table) in gpuTables {
            // By index, and the entry copied only once its name is in the table: a copy of each series' entry for
            // each dialect (its strings and labels retained) was a fifth of the planning.
            for position in infos.indices {
                guard let (priority, source) = table[infos[position].info.name] else { continue }
                let entry = infos[position]
                let labels = entry.info.labels
                let uuid = labels.first(of: dialect.uuidLabels)
                let migID = labels.first(of: dialect.migInstanceLabels)
                let node = labels.first(of: dialect.nodeLabels) ?? configuration.targetNodes[target] ?? host ?? target
                let index = labels.first(of: dialect.indexLabels).flatMap { Int($0) }
                let id: String
                if let uuid, let migID {
                    id = "\(uuid)/\(migID)"
                } else if let index {
                    id = "\(node)/\(index)"
                } else if let uuid {
                    id = uuid
                } else {
                    id = "\(node)/0"
                }
                if gpus[id] == nil {
                    order.append(id)
                    let identity = GPUIdentity(
                        id: id, node: node, index: index ?? 0, uuid: uuid,
                        modelName: labels.first(of: dialect.modelLabels),
                        migProfile: labels.first(of: dialect.migProfileLabels),
                        pod: PodReference.from(
                            labels.first(of:), podLabels: dialect.podLabels,
                            namespaceLabels: dialect.namespaceLabels,
                            containerLabels: dialect.containerLabels))
                    gpus[id] = GPUPlan(
                        identity: SharedValue(identity), fields: InlineArray(repeating: nil),
                        blankCodes: dialect.blankCodes)
                } else if gpus[id]?.pod == nil {
                    gpus[id]?.identity.value.pod = PodReference.from(
                        labels.first(of:), podLabels: dialect.podLabels,
                        namespaceLabels: dialect.namespaceLabels,
                        containerLabels: dialect.containerLabels)
                }
                let slot = source.metric.rawValue
                // Keep the highest-priority source of each field (GPU_UTIL over GR_ENGINE_ACTIVE).
                var fieldPriorities = priorities[id] ?? Array(repeating: Int.max, count: GPUMetric.allCases.count)
                guard priority < fieldPriorities[slot] else { continue }
                fieldPriorities[slot] = priority
                priorities[id] = fieldPriorities
                gpus[id]?.fields[slot] = SeriesRef(id: entry.id, scale: source.scale)
            }
        }
        var gpuPlans = order.compactMap { gpus[$0] }
        // A server that reports GPUs on its own page (Triton) runs on the machine of those GPUs.
        if let gpuNode = gpuPlans.first?.node {
            for index in instances.indices where instances[index].node == nil { instances[index].node = gpuNode }
        }
        // The target's names side by side in one object each, which every frame's copies retain (see `SharedValue`).
        for (index, identity) in SharedValue.together(gpuPlans.map(\.identity.value)).enumerated() {
            gpuPlans[index].identity = identity
        }
        for (index, identity) in SharedValue.together(instances.map(\.identity.value)).enumerated() {
            instances[index].identity = identity
        }
        return TargetPlan(name: target, instances: instances, gpus: gpuPlans, recognised: !instances.isEmpty || !gpuPlans.isEmpty)
    }

    /// A histogram part's key: its labels but `le`, as `name=value` joined by commas (parts sort by it).
    private static func partKey(_ labels: Labels) -> String {
        var key = ""
        for label in labels.pairs where label.name != "le" {
            if !key.isEmpty { key += "," }
            key += label.name
            key += "="
            key += label.value
        }
        return key
    }

    /// Which draft a series belongs to: an instance is told apart by its instance label and model.
    private struct DraftKey: Hashable {
        var instanceLabel: String
        var model: String
    }

    private struct Draft {
        var engine: EngineKind
        var model: String?
        var node: String?
        var instanceLabel: String?
        var pod: PodReference?
        /// metric → (priority, refs) of the best source so far.
        var scalars: [Int: (priority: Int, refs: [SeriesRef])] = [:]
        var histograms: [Int: (priority: Int, parts: [String: [(upperBound: Double, id: SeriesID)]])] = [:]
        var summaries: [Int: (priority: Int, quantiles: [(level: Double, ref: SeriesRef)])] = [:]
    }

    private static func planInstances(
        dialect: EngineDialect, table: [String: [(priority: Int, source: MetricSource)]],
        infos: [(id: SeriesID, info: SeriesInfo)], stripped: [Substring?], target: String,
        host: String?, explicitNode: String?, explicitPod: PodReference?,
        explicitModel: String?
    ) -> [InstancePlan] {
        // In the order first seen, found by instance label and model once a series (not once a use).
        var drafts: [Draft] = []
        var places: [DraftKey: Int] = [:]
        for index in infos.indices {
            guard let name = stripped[index], let rows = table[String(name)] else { continue }
            let entry = infos[index]
            let labels = entry.info.labels
            if dialect.rankFilters.contains(where: { labels[$0.label] != nil && !$0.accepts(labels[$0.label]) }) { continue }
            let model = labels.first(of: dialect.modelLabels)
            let instanceLabel = labels.first(of: dialect.instanceLabels)
            let key = DraftKey(instanceLabel: instanceLabel ?? "", model: model ?? "")
            let place: Int
            if let known = places[key] {
                place = known
            } else {
                place = drafts.count
                places[key] = place
                let labelHost = instanceLabel.flatMap { TargetHost.host(of: "http://" + $0) ?? $0 }
                drafts.append(
                    Draft(
                        engine: dialect.engine, model: model, node: explicitNode ?? labelHost ?? host,
                        instanceLabel: instanceLabel))
            }
            if drafts[place].pod == nil {
                drafts[place].pod = PodReference.from(
                    labels.first(of:), podLabels: PodReference.enginePodLabels,
                    namespaceLabels: PodReference.engineNamespaceLabels,
                    containerLabels: PodReference.engineContainerLabels)
            }
            for (priority, source) in rows {
                if let filter = source.filter, !filter.accepts(labels[filter.label]) { continue }
                if let engine = source.engine { drafts[place].engine = engine }
                add(entry, labels: labels, source: source, priority: priority, to: &drafts[place])
            }
        }
        return drafts.map { draft in
            let count = InstanceMetric.allCases.count
            // A model asked of the server names the instance but is not part of its identity, which stays what
            // the page alone gives (so an instance keeps its history and alerts when the answer arrives).
            var plan = InstancePlan(
                identity: SharedValue(
                    InstanceIdentity(
                        id: "", target: target, engine: draft.engine, model: draft.model ?? explicitModel,
                        node: draft.node, pod: explicitPod ?? draft.pod)),
                scalars: Grouped(groups: count), histograms: Grouped(groups: count),
                summaries: Grouped(groups: count))
            plan.id = [target, draft.instanceLabel, draft.engine.rawValue, draft.model].compactMap { $0 }.joined(separator: "|")
            for (metric, value) in draft.scalars { plan.scalars[metric] = value.refs[...] }
            for (metric, value) in draft.histograms {
                plan.histograms[metric] = value.parts.keys.sorted().map { HistogramPart(value.parts[$0]!) }[...]
            }
            for (metric, value) in draft.summaries {
                plan.summaries[metric] = value.quantiles.sorted { $0.level < $1.level }[...]
            }
            return plan
        }
    }

    private static func add(
        _ entry: (id: SeriesID, info: SeriesInfo), labels: Labels, source: MetricSource, priority: Int,
        to draft: inout Draft
    ) {
        let metric = source.metric.rawValue
        switch source.shape {
        case .gauge, .counter:
            let ref = SeriesRef(id: entry.id, scale: source.scale)
            if let existing = draft.scalars[metric], existing.priority < priority { return }
            if let existing = draft.scalars[metric], existing.priority == priority {
                draft.scalars[metric]?.refs.append(ref)
            } else {
                draft.scalars[metric] = (priority, [ref])
            }
        case .histogram:
            guard let le = labels["le"], let bound = HistogramBucket.parseBound(le) else { return }
            if let existing = draft.histograms[metric], existing.priority < priority { return }
            if draft.histograms[metric]?.priority != priority { draft.histograms[metric] = (priority, [:]) }
            let part = partKey(labels)
            let scaled = bound == .infinity ? bound : bound * source.scale
            draft.histograms[metric]?.parts[part, default: []].append((scaled, entry.id))
        case .summary:
            guard let text = labels["quantile"], let level = Double(text) else { return }
            if let existing = draft.summaries[metric], existing.priority < priority { return }
            if draft.summaries[metric]?.priority != priority { draft.summaries[metric] = (priority, []) }
            draft.summaries[metric]?.quantiles.append((level, SeriesRef(id: entry.id, scale: source.scale)))
        }
    }
}

extension ClusterPlan {
    /// Engines whose pod DCGM names on GPU series are joined to exactly those GPUs, and — unless the
    /// configuration names their node — placed on those GPUs' node (in Kubernetes a target's host is a pod
    /// IP, not the machine). A target with no instance on its page (down, or loading its model) is shown as a
    /// placeholder whose id is the target's: it is joined through the pod its service discovery names, so that it
    /// claims its own GPUs, not every GPU of its node, and is placed on their node like the others.
    static func joinPods(_ plans: inout [TargetPlan], configuration: ModelConfiguration) -> PodJoins {
        var gpusByPod: [String: [(pod: PodReference, id: String, node: String)]] = [:]
        for plan in plans {
            for gpu in plan.gpus { if let pod = gpu.pod { gpusByPod[pod.name, default: []].append((pod, gpu.id, gpu.node)) } }
        }
        var joins = PodJoins()
        guard !gpusByPod.isEmpty else { return joins }
        /// The GPUs of `pod`, and their node unless the configuration names the target's or they span several.
        func gpus(of pod: PodReference, target: String) -> (ids: [String], node: String?)? {
            let matches = (gpusByPod[pod.name] ?? []).filter { $0.pod.matches(pod) }
            guard !matches.isEmpty else { return nil }
            let nodes = Set(matches.map(\.node))
            return (matches.map(\.id), configuration.targetNodes[target] == nil && nodes.count == 1 ? nodes.first : nil)
        }
        for t in plans.indices {
            let target = plans[t].name
            if plans[t].instances.isEmpty, let pod = configuration.targetPods[target],
                let (ids, node) = gpus(of: pod, target: target)
            {
                joins.gpusOfInstance[target] = ids
                joins.nodeOfPlaceholder[target] = node
            }
            for i in plans[t].instances.indices {
                guard let pod = plans[t].instances[i].pod, let (ids, node) = gpus(of: pod, target: target) else { continue }
                joins.gpusOfInstance[plans[t].instances[i].id] = ids
                if let node { plans[t].instances[i].node = node }
            }
        }
        return joins
    }
}

/// What `ClusterPlan.joinPods` found: the GPUs of each engine joined through its pod (by instance id, which for a
/// target shown by itself is the target's), and the node of each such target.
struct PodJoins: Sendable {
    var gpusOfInstance: [String: [String]] = [:]
    var nodeOfPlaceholder: [String: String] = [:]
}
