/// One replayed record, in the order it was written: a scrape or a health change.
public enum RecordingEvent: Sendable, Equatable {
    case scrape(RecordedScrape)
    case health(RecordedHealth)

    /// When it happened, in milliseconds since 1970.
    public var timeMs: Int64 {
        switch self {
        case .scrape(let s): s.timeMs
        case .health(let h): h.timeMs
        }
    }

    /// The target it concerns.
    public var target: String {
        switch self {
        case .scrape(let s): s.target
        case .health(let h): h.target
        }
    }
}
