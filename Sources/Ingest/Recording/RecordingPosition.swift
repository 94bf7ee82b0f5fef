/// The state of a recording at a moment, as a seek finds it: the latest page and health of every target,
/// and an iterator that continues replay from there.
///
/// "At `timeMs`" means: after every record that precedes, in file order, the first record stamped later
/// than `timeMs`. The recorder writes in time order, so this is the state at that time; when scrapes
/// finished out of order it is the state the live view showed when it got there.
package struct RecordingPosition {
    /// The moment asked for.
    package let timeMs: Int64
    /// The latest scrape of each target at that moment (targets not yet scraped are absent), in target order.
    package let scrapes: [RecordedScrape]
    /// The latest health change of each target at that moment, in target order.
    package let health: [RecordedHealth]
    /// Continues with the first record after the moment, with the deltas' base pages already in place.
    package var iterator: RecordingIterator
    /// Set when a damaged record was met before the moment; the state is then the one before it.
    package var damage: RecordingDamage? { iterator.damage }
}
