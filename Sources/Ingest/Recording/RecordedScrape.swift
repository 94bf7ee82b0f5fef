/// One scrape as recorded and replayed: the target it came from, when it started, how long it took and the
/// exact exposition bytes it returned, so that a replay goes through the same parser as the live view.
public struct RecordedScrape: Sendable, Equatable {
    /// The target's name as the recorder gave it (usually its URL).
    public var target: String
    /// When the scrape started, in milliseconds since 1970.
    public var timeMs: Int64
    /// How long the scrape took, in seconds.
    public var durationSeconds: Double
    /// The exposition text, byte for byte.
    public var bytes: [UInt8]

    public init(target: String, timeMs: Int64, durationSeconds: Double, bytes: [UInt8]) {
        self.target = target
        self.timeMs = timeMs
        self.durationSeconds = durationSeconds
        self.bytes = bytes
    }
}
