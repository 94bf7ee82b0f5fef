import ArgumentParser
import Dashboard

/// A `--at` or `--duration` argument: an offset from the start (`90`, `90s`, `12:30`, `00:12:30`, `1h2m`) or an
/// absolute ISO-8601 time (see `ReplayTimeText`).
struct ReplayMoment: ExpressibleByArgument {
    let moment: ReplayTimeText.Moment

    init?(argument: String) {
        guard let moment = ReplayTimeText.parse(argument) else { return nil }
        self.moment = moment
    }

    /// The moment as milliseconds from `startMs`.
    func offsetMs(from startMs: Int64) -> Int64 { moment.offsetMs(from: startMs) }

    static var defaultValueDescription: String { "offset from the start (12:30, 90s) or an ISO-8601 time" }
}
