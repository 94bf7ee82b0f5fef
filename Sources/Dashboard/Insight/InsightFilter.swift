import ClusterModel
import Insights

/// The user's `/` text read as a filter expression for the screens of many GPUs (heatmap, groups). A text
/// that does not parse filters nothing and carries its error, which the screen shows with the column.
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

    /// " · filter vram>90" or " · filter error: column 6: …" for a box title.
    func titleNote(_ text: String) -> String {
        if let error { return " · filter error: " + error.description }
        return text.isEmpty ? "" : " · filter " + TextSanitizer.clean(text)
    }
}
