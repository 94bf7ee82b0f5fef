import ClusterModel
import Formatting

/// Model loading takes minutes: the instances loading now (time spent, VRAM so far) and the loads that
/// finished, with the typical load time of each model.
package struct ColdStarts: Sendable, Hashable {
    /// An instance loading now.
    package struct Loading: Sendable, Hashable {
        package var load: ActiveLoad
        package var elapsedSeconds: Double
        /// VRAM used on its GPUs now.
        package var vramUsedBytes: Double?
        /// VRAM its GPUs gained since the load began.
        package var vramLoadedBytes: Double?

        /// "4m10s", or "≥4m10s" when the start was not seen.
        package var elapsedText: String { (load.startKnown ? "" : "≥") + Format.duration(elapsedSeconds) }
    }

    /// Load times of one model, over its loads that ended ready with a known start.
    package struct ModelLoadTimes: Sendable, Hashable {
        package var model: String
        package var count: Int
        package var medianSeconds: Double
        package var maxSeconds: Double
    }

    /// Longest-loading first.
    package var loading: [Loading]
    /// Newest first.
    package var past: [LoadRecord]
    /// By model name.
    package var byModel: [ModelLoadTimes]

    package static func build(_ snapshot: ClusterSnapshot, loads: LoadTracker, index: SnapshotIndex? = nil) -> ColdStarts {
        let index = index ?? SnapshotIndex(snapshot)
        let loading = loads.active.values.map { load -> Loading in
            let used = index.instances[load.instanceID].flatMap { index.vramUsed(of: $0) }
            var gained: Double? = nil
            if let used, let before = load.vramAtStartBytes { gained = max(0, used - before) }
            return Loading(
                load: load, elapsedSeconds: Double(snapshot.timeMs - load.startMs) / 1000,
                vramUsedBytes: used, vramLoadedBytes: gained)
        }.sorted { ($0.load.startMs, $0.load.instanceID) < ($1.load.startMs, $1.load.instanceID) }
        var durations: [String: [Double]] = [:]
        for record in loads.history where record.outcome == .ready && record.startKnown {
            durations[record.model ?? "unknown", default: []].append(record.durationSeconds)
        }
        let byModel = durations.keys.sorted().map { model -> ModelLoadTimes in
            let sorted = durations[model]!.sorted()
            return ModelLoadTimes(
                model: model, count: sorted.count, medianSeconds: median(sorted: sorted)!,
                maxSeconds: sorted.last!)
        }
        return ColdStarts(loading: loading, past: loads.history.reversed(), byModel: byModel)
    }
}
