import ClusterModel
import Formatting
import Insights

/// The user's `/` text read as a filter expression (`vram>90 node~gpu-node-00 model=llama`; plain words still
/// match as substrings), for the overview's lists, the heatmap and the groups. A text that does not parse filters
/// nothing and carries its error, which the screen shows with the column.
struct InsightFilter {
    var expression: FilterExpression
    var error: FilterParseError?

    init(_ text: String) {
        do {
            expression = try FilterExpression.parse(text)
            error = nil
        } catch {
            expression = .all
            self.error = error
        }
    }

    /// The GPUs of the snapshot that match.
    func gpus(_ snapshot: ClusterSnapshot, index: SnapshotIndex) -> [GPU] {
        GPUGrouping.filtered(snapshot, index: index, filter: expression)
    }

    /// The engine instances that match, each seen with the type, VRAM and temperature of its GPUs.
    func instances(_ snapshot: ClusterSnapshot, index: SnapshotIndex) -> [EngineInstance] {
        expression.isEmpty ? snapshot.instances : snapshot.instances.filter { expression.matches(instance: $0, index: index) }
    }

    /// The scrape targets that match: a target has only an id and its last error, so a word finds them and a
    /// number comparison matches none.
    func targets(_ snapshot: ClusterSnapshot) -> [TargetHealth] {
        expression.isEmpty
            ? snapshot.targets : snapshot.targets.filter { expression.matches(FilterRow(ids: [$0.id, $0.lastError])) }
    }

    /// " · filter vram>90" or " · filter error: column 6: …" for a box title.
    func titleNote(_ text: String) -> String {
        if let error { return " · filter error: " + error.description }
        return text.isEmpty ? "" : " · filter " + TextSanitizer.clean(text)
    }
}
