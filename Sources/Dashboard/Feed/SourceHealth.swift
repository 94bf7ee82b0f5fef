/// How the source itself is doing, apart from its targets: a query server that answers slower than the
/// interval asked (the refresh stretches), from the past (old data), with errors, or with doubts (targets
/// that fold into one). The header shows it; nil for sources that have nothing to say (files, the simulator).
package struct SourceHealth: Sendable, Equatable {
    /// The interval the source can keep, when longer than the one asked.
    package var stretchedIntervalSeconds: Double?
    /// How old the newest data is.
    package var dataAgeSeconds: Double?
    /// Whether that age is a problem (older than two intervals).
    package var dataIsOld: Bool
    /// The source could not read anything (its server is unreachable, say), for a person.
    package var error: String?
    /// Partial failures, each a sentence.
    package var warnings: [String]

    package init(
        stretchedIntervalSeconds: Double? = nil, dataAgeSeconds: Double? = nil, dataIsOld: Bool = false,
        error: String? = nil, warnings: [String] = []
    ) {
        self.stretchedIntervalSeconds = stretchedIntervalSeconds
        self.dataAgeSeconds = dataAgeSeconds
        self.dataIsOld = dataIsOld
        self.error = error
        self.warnings = warnings
    }
}
