/// One scrape target inside the store: its scrape times (shared by all its series, so a point costs no
/// timestamp), its series, and its health.
struct TargetState: Sendable {
    var name: String
    /// Scrapes stored so far; the newest one is `scrapeCount - 1`.
    var scrapeCount = 0
    /// Ring of scrape times: slot `scrape % times.count`.
    var times: [Int64]
    /// Series of this target, in the order of its last page (so the next page usually matches position by position).
    var series: [SeriesID] = []
    var lookup: [SeriesKey: SeriesID] = [:]
    /// The layout of the last page when all its samples were stored: `series` then starts with that page's
    /// series in page order, so a page of the same layout is stored by position without comparing labels.
    var layout: UInt64?
    var status: TargetStatus
    /// The last values of counters (and process start times) dropped after they were missing for the retention,
    /// so that one coming back lower (its process restarted while it served empty pages) is still seen as a
    /// restart. Bounded: forgotten all at once beyond `departedLimit` entries.
    var departed: [SeriesKey: Double] = [:]
    static let departedLimit = 65_536
    /// The first scrape from which every series of the target has been present at every scrape, with no gap and
    /// no counter reset: a rate over a window that starts there or later is its two end values (`rates`). `.max`
    /// once the target has a series of given rates, which are read, not differenced.
    var steadyFrom = 0

    init(name: String, timeCapacity: Int) {
        self.name = name
        self.times = [Int64](repeating: 0, count: timeCapacity)
        self.status = TargetStatus(id: name)
    }

    var newestScrape: Int { scrapeCount - 1 }

    /// A series of the target began, broke its run or was missing at `scrape`: rates over windows that start
    /// before it look at each series.
    mutating func unsteady(from scrape: Int) { steadyFrom = max(steadyFrom, scrape) }

    mutating func remember(departed key: SeriesKey, value: Double) {
        if departed.count >= Self.departedLimit { departed.removeAll() }
        departed[key] = value
    }

    @inline(__always) func time(of scrape: Int) -> Int64 { times[scrape % times.count] }

    /// The oldest scrape whose time is still in the ring.
    var oldestScrape: Int { max(0, scrapeCount - times.count) }
}

/// A series' identity inside one target: its sample name and its label set, interned.
struct SeriesKey: Hashable, Sendable {
    var name: Int32
    var labelSet: Int32
}
