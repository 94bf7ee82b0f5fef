import Formatting
import ClusterModel

/// Model loading takes minutes: the instances loading now (time spent, VRAM so far) and the loads that
/// finished, with the typical load time of each model.
public struct ColdStarts: Sendable, Hashable {
    /// An instance loading now.
    public struct Loading: Sendable, Hashable {
        public var load: ActiveLoad
        public var elapsedSeconds: Double
        /// VRAM used on its GPUs now.
        public var vramUsedBytes: Double?
        /// VRAM its GPUs gained since the load began.
        public var vramLoadedBytes: Double?

        /// "4m10s", or "≥4m10s" when the start was not seen.
        public var elapsedText: String { (load.startKnown ? "" : "≥") + Format.duration(elapsedSeconds) }
    }

    /// Load times of one model, over its loads that ended ready with a known start.
    public struct ModelLoadTimes: Sendable, Hashable {
        public var model: String
        public var count: Int
        public var medianSeconds: Double
        public var maxSeconds: Double
    }

    /// Longest-loading first.
    public var loading: [Loading]
    /// Newest first.
    public var past: [LoadRecord]
    /// By model name.
    public var byModel: [ModelLoadTimes]

    public static func build(_ snapshot: ClusterSnapshot, loads: LoadTracker, index: SnapshotIndex? = nil) -> ColdStarts {
        let index = index ?? SnapshotIndex(snapshot)
        let loading = loads.active.values.map { load -> Loading in
            let used = index.instances[load.instanceID].flatMap { index.vramUsed(of: $0) }
            var gained: Double? = nil
            if let used, let before = load.vramAtStartBytes { gained = max(0, used - before) }
            return Loading(load: load, elapsedSeconds: Double(snapshot.timeMs - load.startMs) / 1000,
                           vramUsedBytes: used, vramLoadedBytes: gained)
        }.sorted { ($0.load.startMs, $0.load.instanceID) < ($1.load.startMs, $1.load.instanceID) }
        var durations: [String: [Double]] = [:]
        for record in loads.history where record.outcome == .ready && record.startKnown {
            durations[record.model ?? "unknown", default: []].append(record.durationSeconds)
        }
        let byModel = durations.keys.sorted().map { model -> ModelLoadTimes in
            let sorted = durations[model]!.sorted()
            return ModelLoadTimes(model: model, count: sorted.count, medianSeconds: median(sorted: sorted)!,
                                  maxSeconds: sorted.last!)
        }
        return ColdStarts(loading: loading, past: loads.history.reversed(), byModel: byModel)
    }
}
