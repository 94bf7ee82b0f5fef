import Exposition

/// The identity of a series, for the cluster model to classify it: its target, sample and family names,
/// type and labels.
public struct SeriesInfo: Sendable, Hashable {
    public var target: String
    /// The sample name, e.g. `vllm:time_to_first_token_seconds_bucket`.
    public var name: String
    /// The family it was declared in, e.g. `vllm:time_to_first_token_seconds`.
    public var family: String
    public var type: MetricType
    /// Sorted by name.
    public var labels: Labels
}
