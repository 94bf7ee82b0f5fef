import ClusterModel
import Insights

/// The rows a view shows: the snapshot's GPUs, instances and targets filtered by the user's `/` text, read as a
/// filter expression (`InsightFilter`), and sorted by the chosen column. Shared by the views (to draw) and the
/// runner (to count rows for the reducer).
public enum ClusterQuery {
    /// GPU sort keys in the order `s` cycles through them; the first keeps GPUs grouped by node.
    public static let gpuSortKeys = ["node", "VRAM", "util", "temp", "power"]
    public static let instanceSortKeys = ["node", "model", "waiting", "running", "KV", "TTFT p95", "gen tok/s"]
    public static let targetSortKeys = ["target", "status", "duration", "errors"]

    public static let sortKeyCounts: [UIState.List: Int] = [
        .gpus: gpuSortKeys.count, .instances: instanceSortKeys.count, .targets: targetSortKeys.count,
    ]

    public static func gpus(_ snapshot: ClusterSnapshot, _ state: UIState) -> [GPU] {
        let filter = InsightFilter(state.filter)
        var rows = filter.expression.isEmpty ? snapshot.gpus : filter.gpus(snapshot, index: SnapshotIndex(snapshot))
        let sort = state.sorting(.gpus)
        switch sort.column {
        case 1: sortBy(&rows, sort) { $0.vramFraction }
        case 2: sortBy(&rows, sort) { $0.utilization }
        case 3: sortBy(&rows, sort) { $0.temperatureC }
        case 4: sortBy(&rows, sort) { $0.powerWatts }
        default: if sort.descending { rows.reverse() }
        }
        return rows
    }

    public static func instances(_ snapshot: ClusterSnapshot, _ state: UIState) -> [EngineInstance] {
        let filter = InsightFilter(state.filter)
        var rows = filter.expression.isEmpty ? snapshot.instances : filter.instances(snapshot, index: SnapshotIndex(snapshot))
        let sort = state.sorting(.instances)
        switch sort.column {
        case 1: rows.sort { ($0.model ?? "") < ($1.model ?? "") }
            if sort.descending { rows.reverse() }
        case 2: sortBy(&rows, sort) { $0.waiting }
        case 3: sortBy(&rows, sort) { $0.running }
        case 4: sortBy(&rows, sort) { $0.kvCacheUsage }
        case 5: sortBy(&rows, sort) { $0.ttft.p95 }
        case 6: sortBy(&rows, sort) { $0.generationTokensPerSecond }
        default: if sort.descending { rows.reverse() }
        }
        return rows
    }

    public static func targets(_ snapshot: ClusterSnapshot, _ state: UIState) -> [TargetHealth] {
        var rows = InsightFilter(state.filter).targets(snapshot)
        let sort = state.sorting(.targets)
        switch sort.column {
        case 1: sortBy(&rows, sort) { $0.up ? 1 : 0 }
        case 2: sortBy(&rows, sort) { $0.scrapeDurationSeconds }
        case 3: sortBy(&rows, sort) { Double($0.errorCount + $0.consecutiveFailures) }
        default: if sort.descending { rows.reverse() }
        }
        return rows
    }

    /// Row counts for the reducer.
    public static func rowCounts(_ snapshot: ClusterSnapshot, _ state: UIState) -> [UIState.List: Int] {
        [.gpus: gpus(snapshot, state).count, .instances: instances(snapshot, state).count,
         .targets: targets(snapshot, state).count]
    }

    /// A stable sort by an optional number; absent and invalid (NaN) values always sort last, whatever the
    /// direction. Sorts indices, not rows, so thousands of large GPU values are moved once instead of at every
    /// comparison.
    private static func sortBy<T>(_ rows: inout [T], _ sort: UIState.Sort, _ key: (T) -> Double?) {
        let keys = rows.map { key($0).flatMap { $0.isNaN ? nil : $0 } }
        let order = keys.indices.sorted { a, b in
            switch (keys[a], keys[b]) {
            case let (x?, y?) where x != y: return sort.descending ? x > y : x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a < b
            }
        }
        let original = rows
        rows = order.map { original[$0] }
    }
}
