import ArgumentParser

/// A duration on the command line: `500ms`, `90s`, `30m`, `2h`, or a bare number of seconds.
struct SimDurationArgument: ExpressibleByArgument, Sendable {
    let milliseconds: Int64

    init(milliseconds: Int64) { self.milliseconds = milliseconds }

    init?(argument: String) {
        let units: [(String, Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        for (suffix, factor) in units where argument.hasSuffix(suffix) {
            guard let number = Double(argument.dropLast(suffix.count)), number >= 0 else { return nil }
            milliseconds = Int64(number * factor)
            return
        }
        guard let seconds = Double(argument), seconds >= 0 else { return nil }
        milliseconds = Int64(seconds * 1000)
    }

    var defaultValueDescription: String { "\(milliseconds)ms" }
}
