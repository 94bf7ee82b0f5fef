import Exposition

/// The identity of a series, for the cluster model to classify it: its target, sample and family names,
/// type and labels.
package struct SeriesInfo: Sendable, Hashable {
    package var target: String
    /// The sample name, e.g. `vllm:time_to_first_token_seconds_bucket`.
    package var name: String
    /// The family it was declared in, e.g. `vllm:time_to_first_token_seconds`.
    package var family: String
    package var type: MetricType
    /// Sorted by name.
    package var labels: Labels
}
