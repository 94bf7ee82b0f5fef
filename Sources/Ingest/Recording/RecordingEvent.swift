/// One replayed record, in the order it was written: a scrape or a health change.
package enum RecordingEvent: Sendable, Equatable {
    case scrape(RecordedScrape)
    case health(RecordedHealth)

    /// When it happened, in milliseconds since 1970.
    package var timeMs: Int64 {
        switch self {
        case .scrape(let s): s.timeMs
        case .health(let h): h.timeMs
        }
    }

    /// The target it concerns.
    package var target: String {
        switch self {
        case .scrape(let s): s.target
        case .health(let h): h.target
        }
    }
}
