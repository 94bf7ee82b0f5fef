import ClusterModel
import Insights

/// The rows a view shows: the snapshot's GPUs, instances and targets filtered by the user's `/` text, read as a
/// filter expression (`InsightFilter`), and sorted by the chosen column. Shared by the views (to draw) and the
/// runner (to count rows for the reducer).
package enum ClusterQuery {
    /// For each list, the sort of each column that has a sort key, in column order, each in the direction a first
    /// press of `s` gives it (figures largest first): what the reducer cycles through.
    package static let sortColumns: [UIState.List: [UIState.Sort]] = [
        .gpus: sorts(GPUPanel.columns), .instances: sorts(InstancePanel.columns), .targets: sorts(TargetsView.columns),
    ]

    private static func sorts<Row>(_ columns: [Column<Row>]) -> [UIState.Sort] {
        columns.indices.compactMap { i in
            columns[i].sort == nil ? nil : UIState.Sort(column: i, descending: columns[i].sortsDescendingFirst)
        }
    }

    package static func gpus(_ snapshot: ClusterSnapshot, _ state: UIState) -> [GPU] {
        let filter = InsightFilter(state.filter)
        let rows = filter.expression.isEmpty ? snapshot.gpus : filter.gpus(snapshot, index: SnapshotIndex(snapshot))
        return sorted(rows, GPUPanel.columns, state.sorting(.gpus))
    }

    package static func instances(_ snapshot: ClusterSnapshot, _ state: UIState) -> [EngineInstance] {
        let filter = InsightFilter(state.filter)
        let rows = filter.expression.isEmpty ? snapshot.instances : filter.instances(snapshot, index: SnapshotIndex(snapshot))
        return sorted(rows, InstancePanel.columns, state.sorting(.instances))
    }

    package static func targets(_ snapshot: ClusterSnapshot, _ state: UIState) -> [TargetHealth] {
        sorted(InsightFilter(state.filter).targets(snapshot), TargetsView.columns, state.sorting(.targets))
    }

    /// Row counts for the reducer.
    package static func rowCounts(_ snapshot: ClusterSnapshot, _ state: UIState) -> [UIState.List: Int] {
        [
            .gpus: gpus(snapshot, state).count, .instances: instances(snapshot, state).count,
            .targets: targets(snapshot, state).count,
        ]
    }

    /// Rows in the order of the chosen column's sort key (the snapshot's own order when it has none).
    private static func sorted<Row>(_ rows: [Row], _ columns: [Column<Row>], _ sort: UIState.Sort) -> [Row] {
        guard columns.indices.contains(sort.column), let key = columns[sort.column].sort else { return rows }
        return Table.sorted(rows, by: key, descending: sort.descending)
    }
}
