import Dashboard
import Ingest

/// A `--at` or `--duration` argument: an offset from the start (`90`, `90s`, `12:30`, `00:12:30`, `1h2m`) or an
/// absolute ISO-8601 time (see `ReplayTimeText`).
struct ReplayMoment {
    let moment: ReplayTimeText.Moment

    init?(_ argument: String) {
        guard let moment = ReplayTimeText.parse(argument) else { return nil }
        self.moment = moment
    }

    /// The moment as milliseconds from `startMs`.
    func offsetMs(from startMs: Int64) -> Int64 { moment.offsetMs(from: startMs) }

    /// What a moment may be, for the flags' help and refusals (`ReplayTimeText.limitSeconds`).
    static let rangeText = "within ±10,000 years"

    /// The `@Option(transform:)` form, whose refusal says what is accepted.
    @Sendable static func parse(_ text: String) throws -> ReplayMoment {
        guard let moment = ReplayMoment(text) else {
            throw RangeRefusal(
                message: "expected an offset from the start (90, 90s, 12:30, 1h2m) or an ISO-8601 time, "
                    + rangeText)
        }
        return moment
    }
}
