import Exposition

/// One metric family to ask a Prometheus-compatible server for, aggregated there: its stored name, how it
/// is read, and the labels to keep besides the instance identity. Every other label is summed away on the
/// server, or collapsed with `max` for per-device fields, so an answer grows with instances and GPUs, not
/// with raw series.
package struct PrometheusFamily: Sendable, Hashable {
    package enum Aggregation: String, Sendable, Hashable {
        case sum, max
    }

    /// The stored sample name; for a histogram, its base name (the query reads `name_bucket`).
    package var name: String
    /// `.gauge`, `.counter` (asked for as a per-second rate), `.histogram` (per-`le` rates) or `.summary`.
    package var type: MetricType
    /// The labels kept in the answer, besides the identity labels (and `le` or `quantile`).
    package var labels: [String]
    package var aggregation: Aggregation
    /// Asked for only while a detail screen is open.
    package var detail: Bool
    /// Conditions on the series' labels, sent with the query (a backfill sums only what the dialects read).
    package var conditions: [Condition]

    /// `label` must (or, negated, must not) have one of `values`; with `orAbsent` a series without it passes.
    package struct Condition: Sendable, Hashable {
        package var label: String
        package var values: [String]
        package var negated: Bool
        package var orAbsent: Bool

        package init(label: String, values: [String], negated: Bool = false, orAbsent: Bool = false) {
            self.label = label
            self.values = values
            self.negated = negated
            self.orAbsent = orAbsent
        }
    }

    package init(
        name: String, type: MetricType, labels: [String] = [], aggregation: Aggregation = .sum,
        detail: Bool = false, conditions: [Condition] = []
    ) {
        self.name = name
        self.type = type
        self.labels = labels
        self.aggregation = aggregation
        self.detail = detail
        self.conditions = conditions
    }

    /// The family as a page lists it: a counter's family name drops `_total`, as the text format groups it.
    var pageFamilyName: String {
        type == .counter && name.hasSuffix("_total") ? String(name.dropLast(6)) : name
    }

    /// The name of the samples the answer becomes on a synthesised page.
    var sampleName: String { type == .histogram ? name + "_bucket" : name }

    /// Whether the answer holds per-second rates rather than stored values.
    var isRate: Bool { type == .counter || type == .histogram }
}
