import Exposition

/// What the store knows about one series besides its points: identity (interned), type, and the scrape
/// numbers that let a rate skip its walk over the window when nothing unusual happened in it. Plain data
/// (no references), so reading it on the drawing path costs no reference counting; the points live in
/// the store's parallel `columns` array.
struct SeriesRecord: Sendable {
    var target: Int32
    var name: Int32
    var family: Int32
    var labelSet: Int32
    var firstScrape: Int
    var lastPresentScrape: Int
    var lastValue: Double
    /// The first scrape after the latest gap (points before it are not joined to later ones by a rate).
    var segmentStart: Int
    /// The latest scrape at which the value dropped (a counter reset), or -1.
    var lastResetScrape = -1
    /// When the series last showed its process restarting, or -1: a counter-like value lower than the one
    /// before it (across a gap too: the points on either side of a gap are not joined by a rate, but the drop
    /// still says the process started over), or a new value of a process start time.
    var lastRestartMs: Int64 = -1
    /// The latest scrape the series was missing from (after it first appeared), or -1.
    var lastAbsentScrape = -1
    /// The scrape number of the page that last carried it, to find the missing ones.
    var seenStamp: Int
    // The one-byte fields last, together: between the eight-byte ones each took eight, and a record 104 bytes
    // rather than 88 (a frame reads tens of thousands of records, one after another).
    var type: MetricType
    /// Counters, and the cumulative parts of histograms and summaries: a drop means a reset.
    var counterLike: Bool
    /// The values are already per-second rates over the sender's window (a query server computed them from
    /// the cumulative series): a rate reads the newest value instead of differencing points.
    var givenRate = false
    /// A process start time (`process_start_time_seconds`): any change of value is a restart.
    var marksProcessStart = false
    var alive = true
}

extension SeriesRecord {
    /// Takes the series' value from the page of `scrape`, taken at `atMs`: a gap since the scrape that last
    /// carried it starts a new segment, and a drop (or a new process start time) marks a restart. `times` is
    /// its target's ring of scrape times. True when the value breaks the series' run: a gap before it, or a
    /// counter reset.
    @inline(__always) mutating func take(
        _ value: Double, scrape: Int, atMs: Int64, times: UnsafeBufferPointer<Int64>, gapMs: Int64
    ) -> Bool {
        var broken = false
        if lastPresentScrape >= 0 {
            if atMs - times[lastPresentScrape % times.count] > gapMs {
                segmentStart = scrape
                broken = true
            }
            if counterLike && value < lastValue {
                lastResetScrape = scrape
                lastRestartMs = atMs
                broken = true
            } else if marksProcessStart && value != lastValue && !value.isNaN {
                lastRestartMs = atMs
            }
        }
        lastPresentScrape = scrape
        lastValue = value
        seenStamp = scrape
        return broken
    }
}

/// What a frame's rate reads of a series besides its two values: its target (-1 once dropped) and whether it
/// counts. Kept apart from the records, eight bytes each, so a histogram's buckets are read from a few cache
/// lines rather than a record each (the records were a fifth of a 2,352-GPU frame).
struct SeriesTag: Sendable {
    var target: Int32
    var counterLike: Bool

    static let dropped = SeriesTag(target: -1, counterLike: false)
}
