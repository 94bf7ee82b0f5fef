/// One sample line of a page: `name{labels} value [timestamp] [# exemplar]`.
///
/// A summary's quantiles, `_sum` and `_count` are separate samples; so are each `le` bucket of a histogram.
package struct Sample: Sendable, Hashable {
    /// The full sample name as written, e.g. `vllm:e2e_request_latency_seconds_bucket`.
    package var name: String
    package var labels: Labels
    package var value: Double
    /// Milliseconds since the Unix epoch (text format's unit; OpenMetrics seconds are converted).
    package var timestampMs: Int64?
    package var exemplar: Exemplar?

    package init(
        name: String, labels: Labels = Labels(), value: Double, timestampMs: Int64? = nil,
        exemplar: Exemplar? = nil
    ) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMs = timestampMs
        self.exemplar = exemplar
    }

    /// Equality that treats NaN values as equal, for round-trip checks.
    package func isIdentical(to other: Sample) -> Bool {
        name == other.name && labels == other.labels && timestampMs == other.timestampMs
            && exemplar == other.exemplar
            && (value == other.value || (value.isNaN && other.value.isNaN))
    }
}
