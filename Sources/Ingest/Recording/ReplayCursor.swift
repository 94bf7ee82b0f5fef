/// A replay in progress, from `ReplaySource.seek(toMs:)`: the state at the moment it starts from, then
/// every event after it, in order.
package struct ReplayCursor {
    /// The moment the replay started from.
    package let timeMs: Int64
    /// The latest scrape of each target at that moment.
    package let scrapes: [RecordedScrape]
    /// The latest health change of each target at that moment.
    package let health: [RecordedHealth]
    // Two optionals rather than an enum, so that the iterator advances in place instead of being copied.
    var recording: RecordingIterator?
    var dumps: PromDumpSource?
    var nextDump = 0

    /// The next event, nil at the end (or at damage, which `damage` then describes).
    package mutating func next() -> RecordingEvent? {
        if recording != nil { return recording?.next() }
        guard let dumps, nextDump < dumps.dumps.count else { return nil }
        defer { nextDump += 1 }
        return dumps.event(dumps.dumps[nextDump])
    }

    /// Where a damaged recording stopped the replay.
    package var damage: RecordingDamage? {
        recording?.damage
    }
}
