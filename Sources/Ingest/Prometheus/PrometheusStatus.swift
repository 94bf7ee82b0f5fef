/// How a query server is answering, for the header and for `snapshot`: the refresh interval it allows, how
/// old its newest samples are, what one refresh cost, and what went wrong (the server itself, a query, a
/// scrape configuration that folds targets). The server's health is the source's, never a target's.
package struct PrometheusStatus: Sendable, Equatable {
    /// The interval asked for.
    package var intervalSeconds: Double
    /// The time between the starts of the last refreshes, when longer than asked (the server is slower).
    package var stretchedIntervalSeconds: Double?
    /// How often the server scrapes its targets (measured from `up`), when known.
    package var serverScrapeSeconds: Double?
    /// Now minus the newest sample time of the targets (`timestamp(up)`), at the last refresh.
    package var dataAgeSeconds: Double?
    /// The server could not be asked at all (unreachable, every query failed), with what to do.
    package var serverError: String?
    /// Partial failures and doubts, each a sentence: a family whose query failed (its last value shown,
    /// with its age), targets that fold into one identity, data older than two intervals.
    package var warnings: [String] = []
    /// The last refresh: requests sent, answer bytes, the summed time of the queries, its wall time.
    package var queries = 0
    package var bytes = 0
    package var serverSeconds = 0.0
    package var refreshSeconds = 0.0
    /// Targets (identities) in the last answer.
    package var targets = 0
    /// Identities the last refresh asked the families for, when not all: the others had no new scrape and
    /// kept their values (0: nothing new was scraped; nil: all were asked).
    package var identitiesAsked: Int?

    package init(intervalSeconds: Double) {
        self.intervalSeconds = intervalSeconds
    }

    /// Whether the data is older than two intervals, ours or the server's scrape interval, whichever is longer
    /// (the header warns): a server that scrapes every 15 s has samples up to 15 s old in good health.
    package var isOld: Bool {
        (dataAgeSeconds ?? 0) > 2 * max(intervalSeconds, stretchedIntervalSeconds ?? 0, serverScrapeSeconds ?? 0)
    }
}
