/// One scrape as recorded and replayed: the target it came from, when it started, how long it took and the
/// exact exposition bytes it returned, so that a replay goes through the same parser as the live view.
package struct RecordedScrape: Sendable, Equatable {
    /// The target's name as the recorder gave it (usually its URL).
    package var target: String
    /// When the scrape started, in milliseconds since 1970.
    package var timeMs: Int64
    /// How long the scrape took, in seconds.
    package var durationSeconds: Double
    /// The exposition text, byte for byte.
    package var bytes: [UInt8]

    package init(target: String, timeMs: Int64, durationSeconds: Double, bytes: [UInt8]) {
        self.target = target
        self.timeMs = timeMs
        self.durationSeconds = durationSeconds
        self.bytes = bytes
    }
}
