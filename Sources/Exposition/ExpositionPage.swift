/// The result of parsing one page: its families in page order, and its errors.
package struct ExpositionPage: Sendable {
    package var format: ExpositionFormat
    package var families: [MetricFamily]
    package var errors: [ParseError]
    /// Errors beyond the ones kept in `errors` (a page of binary junk would otherwise yield thousands).
    package var droppedErrorCount: Int
    /// Pages of one target that carry the same layout have the same lines in the same order — the same
    /// families, sample names and label sets, only other values — so a consumer may match them by position
    /// without comparing names. Set by `RepeatingPageParser`; nil when nobody checked.
    package var layout: UInt64?

    package init(
        format: ExpositionFormat, families: [MetricFamily] = [], errors: [ParseError] = [],
        droppedErrorCount: Int = 0
    ) {
        self.format = format
        self.families = families
        self.errors = errors
        self.droppedErrorCount = droppedErrorCount
    }

    /// Every sample of every family, in page order.
    package var samples: [Sample] { families.flatMap(\.samples) }

    /// The number of sample lines.
    package var sampleCount: Int { families.reduce(0) { $0 + $1.samples.count } }

    /// All errors, including the ones not kept.
    package var errorCount: Int { errors.count + droppedErrorCount }

    /// The family called `name`, if the page has one.
    package func family(named name: String) -> MetricFamily? {
        families.first { $0.name == name }
    }
}
