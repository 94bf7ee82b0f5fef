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
    package var exemplar: Exemplar? {
        get {
            if case .some(let exemplar) = exemplarSlot { return exemplar }
            return nil
        }
        set { exemplarSlot = ExemplarSlot(newValue) }
    }
    /// The exemplar out of line, one word for the samples (nearly all) that have none: a page's samples are tens
    /// of thousands, and inline it made a sample 80 bytes rather than 56 (the one-shot parse of the 10 MB
    /// cluster page 19 % faster for that alone, its samples written into 4.9 MB instead of 3.5).
    private var exemplarSlot: ExemplarSlot

    private enum ExemplarSlot: Sendable, Hashable {
        case none
        indirect case some(Exemplar)

        init(_ exemplar: Exemplar?) {
            self = exemplar.map { .some($0) } ?? .none
        }
    }

    package init(
        name: String, labels: Labels = Labels(), value: Double, timestampMs: Int64? = nil,
        exemplar: Exemplar? = nil
    ) {
        self.name = name
        self.labels = labels
        self.value = value
        self.timestampMs = timestampMs
        self.exemplarSlot = ExemplarSlot(exemplar)
    }

    /// Equality that treats NaN values as equal, for round-trip checks.
    package func isIdentical(to other: Sample) -> Bool {
        name == other.name && labels == other.labels && timestampMs == other.timestampMs
            && exemplar == other.exemplar
            && (value == other.value || (value.isNaN && other.value.isNaN))
    }
}
