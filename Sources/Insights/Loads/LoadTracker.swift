import ClusterModel

/// Follows engine-instance state transitions across snapshots to time model loads: which instances are
/// loading now and since when, and how long past loads took. Fed once per frame (or, in replay, with the
/// recorded snapshots in order); the history is bounded.
package struct LoadTracker: Sendable, Hashable {
    /// Past loads kept, oldest dropped first.
    package let capacity: Int
    /// Instances loading now, by instance id.
    package private(set) var active: [String: ActiveLoad] = [:]
    /// Finished loads, oldest first.
    package private(set) var history: [LoadRecord] = []
    private var observedAny = false
    /// The instance ids of the previous snapshot: a load moves only to an instance that has just appeared.
    private var previousIDs: Set<String> = []
    private var lastTimeMs: Int64 = .min

    package init(capacity: Int = 200) {
        self.capacity = max(1, capacity)
    }

    /// When the instance began its current load, or nil when it is not loading.
    package func loadingSince(_ instanceID: String) -> Int64? { active[instanceID]?.startMs }

    /// Takes the next snapshot; snapshots not newer than the last one are ignored.
    package mutating func observe(_ snapshot: ClusterSnapshot) {
        guard snapshot.timeMs > lastTimeMs else { return }
        lastTimeMs = snapshot.timeMs
        let index = SnapshotIndex(snapshot)
        observe(snapshot, index: index)
    }

    mutating func observe(_ snapshot: ClusterSnapshot, index: SnapshotIndex) {
        let now = snapshot.timeMs
        followRenamedInstances(snapshot, index: index)
        for instance in snapshot.instances {
            let loading = instance.state == .loading
            if loading, active[instance.id] == nil {
                active[instance.id] = ActiveLoad(
                    instanceID: instance.id, target: instance.target, model: instance.model, node: instance.node,
                    engine: instance.engine, startMs: now, startKnown: observedAny,
                    vramAtStartBytes: index.vramUsed(of: instance))
            } else if !loading, let load = active.removeValue(forKey: instance.id) {
                let outcome: LoadRecord.Outcome = instance.state == .unreachable ? .failed : .ready
                finish(load, at: now, outcome: outcome, vramNow: index.vramUsed(of: instance))
            } else if loading, active[instance.id]?.model == nil, let model = instance.model {
                // The model name often appears only once the server has registered it.
                active[instance.id]?.model = model
            }
            if loading, active[instance.id]?.engine == .unknown, instance.engine != .unknown {
                active[instance.id]?.engine = instance.engine
            }
        }
        for (id, load) in active where index.instances[id] == nil {
            active.removeValue(forKey: id)
            finish(load, at: now, outcome: .vanished, vramNow: nil)
        }
        observedAny = true
        previousIDs = Set(snapshot.instances.map(\.id))
    }

    /// A loading server often answers with an empty page, so its instance is known only by its target; once it
    /// serves, its id gains the engine and model. A load whose id is gone moves to the instance of the same target
    /// that has just appeared, keeping its start, instead of ending as vanished.
    private mutating func followRenamedInstances(_ snapshot: ClusterSnapshot, index: SnapshotIndex) {
        for (id, load) in active where index.instances[id] == nil {
            guard
                let successor = snapshot.instances.first(where: {
                    $0.target == load.target && active[$0.id] == nil && !previousIDs.contains($0.id)
                })
            else { continue }
            var moved = load
            moved.instanceID = successor.id
            moved.model = successor.model ?? load.model
            if successor.engine != .unknown { moved.engine = successor.engine }
            active.removeValue(forKey: id)
            active[successor.id] = moved
        }
    }

    private mutating func finish(_ load: ActiveLoad, at endMs: Int64, outcome: LoadRecord.Outcome, vramNow: Double?) {
        var gained: Double? = nil
        if let vramNow, let before = load.vramAtStartBytes { gained = max(0, vramNow - before) }
        history.append(
            LoadRecord(
                instanceID: load.instanceID, model: load.model, node: load.node,
                engine: load.engine, startMs: load.startMs, endMs: endMs,
                startKnown: load.startKnown, outcome: outcome, vramLoadedBytes: gained))
        if history.count > capacity { history.removeFirst(history.count - capacity) }
    }
}
