/// A metric family: the samples that share one `# TYPE` (and `# HELP`, `# UNIT`) declaration.
package struct MetricFamily: Sendable, Hashable {
    /// The family name as declared, e.g. `vllm:time_to_first_token_seconds` (no `_bucket`).
    package var name: String
    package var type: MetricType
    package var help: String?
    package var unit: String?
    /// The samples, in page order; a histogram's buckets keep their `le` order.
    package var samples: [Sample]

    package init(
        name: String, type: MetricType = .untyped, help: String? = nil, unit: String? = nil,
        samples: [Sample] = []
    ) {
        self.name = name
        self.type = type
        self.help = help
        self.unit = unit
        self.samples = samples
    }
}
