import ClusterModel

/// One cell per GPU, grouped in rows by node, with each cell's value and legend level: the view for
/// hundreds or thousands of GPUs. Pure data; the dashboard draws it.
package struct Heatmap: Sendable, Hashable {
    /// One GPU.
    package struct Cell: Sendable, Hashable {
        package var gpuID: String
        package var value: Double?
        /// The legend level, nil when the value is absent.
        package var level: Int?
    }

    /// The GPUs of one node, by index.
    package struct Row: Sendable, Hashable {
        package var node: String
        package var cells: [Cell]
    }

    package var metric: HeatmapMetric
    package var rows: [Row]
    package var legend: HeatmapLegend

    /// The heatmap of `gpus` (default: every GPU of the snapshot), nodes in snapshot order.
    package static func build(
        _ snapshot: ClusterSnapshot, metric: HeatmapMetric, index: SnapshotIndex? = nil,
        gpus: [GPU]? = nil, thresholds: ThresholdPolicy = .default
    ) -> Heatmap {
        // Only the KV metric joins GPUs to instances; the others need no index.
        let index = metric == .kv ? (index ?? SnapshotIndex(snapshot)) : index
        let scale = HeatmapLegend(metric: metric, thresholds: thresholds)
        var counts = Array(repeating: 0, count: scale.buckets.count)
        var absent = 0
        var rows: [Row] = []
        var rowOfNode: [String: Int] = [:]
        for gpu in gpus ?? snapshot.gpus {
            let value = metric.value(of: gpu, index: index)
            let level = scale.level(of: value)
            if let level { counts[level] += 1 } else { absent += 1 }
            let cell = Cell(gpuID: gpu.id, value: value, level: level)
            if let last = rows.indices.last, rows[last].node == gpu.node {
                rows[last].cells.append(cell)
            } else if let row = rowOfNode[gpu.node] {
                rows[row].cells.append(cell)
            } else {
                rowOfNode[gpu.node] = rows.count
                rows.append(Row(node: gpu.node, cells: [cell]))
            }
        }
        return Heatmap(
            metric: metric, rows: rows,
            legend: HeatmapLegend(
                metric: metric, thresholds: thresholds, counts: counts,
                absentCount: absent))
    }

    package var cellCount: Int { rows.reduce(0) { $0 + $1.cells.count } }

    /// The cell at a row and column, for selection; nil outside the map.
    package func cell(row: Int, column: Int) -> Cell? {
        guard rows.indices.contains(row), rows[row].cells.indices.contains(column) else { return nil }
        return rows[row].cells[column]
    }
}
