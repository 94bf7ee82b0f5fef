import Formatting

/// The documented range of a numeric setting. A flag and the configuration key that set the same thing share
/// one range, so `--interval 1e300` and `interval: 1e300` are refused alike, naming what was given and what is
/// accepted; nothing out of range reaches a conversion that could trap or a loop that could not end.
package struct SettingRange: Sendable {
    /// How values of the setting are written in messages.
    package enum Unit: Sendable {
        case seconds, bytes, count, factor
    }

    package var lower: Double
    package var upper: Double
    package var unit: Unit

    package init(_ lower: Double, _ upper: Double, _ unit: Unit) {
        self.lower = lower
        self.upper = upper
        self.unit = unit
    }

    /// False for NaN.
    package func contains(_ value: Double) -> Bool { value >= lower && value <= upper }

    /// "0.05s to 1h", "1 to 4096", "1.0KiB to 4.0GiB".
    package var text: String { describe(lower) + " to " + describe(upper) }

    /// What to say of a value outside the range: "expected 0.05s to 1h, got 1e+300".
    package func refusal(_ given: String) -> String { "expected \(text), got \(given)" }

    /// `value` when it is inside the range; otherwise the refusal, for the caller to wrap with the flag or key.
    package func check(_ value: Double, given: String) -> Result<Double, RangeRefusal> {
        contains(value) ? .success(value) : .failure(RangeRefusal(message: refusal(given)))
    }

    private func describe(_ value: Double) -> String {
        switch unit {
        case .seconds:
            if value > 0 && value < 1 { return Format.fixed(value * 1000, 0) + "ms" }
            // Round numbers of days, hours and minutes in their own unit: "1h", "7d", "10m".
            for (unit, seconds) in [("d", 86_400.0), ("h", 3600), ("m", 60)] where value >= seconds {
                if value.truncatingRemainder(dividingBy: seconds) == 0 { return Format.fixed(value / seconds, 0) + unit }
            }
            return value < 60 ? Format.compact(value, absent: "") + "s" : Format.duration(value)
        case .bytes: return Format.bytes(Int(clamping: value), absent: "")
        case .count:
            return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : Format.compact(value, absent: "")
        case .factor: return Format.compact(value, absent: "") + "×"
        }
    }

    // The settings of live collection, shared by flags and the YAML file.
    package static let interval = SettingRange(0.05, 3600, .seconds)
    package static let timeout = SettingRange(0.01, 600, .seconds)
    package static let concurrency = SettingRange(1, 16_384, .count)
    package static let bodyLimit = SettingRange(1024, 4 * 1_073_741_824, .bytes)
    package static let seriesLimit = SettingRange(1, 10_000_000, .count)
    package static let maxSeries = SettingRange(1000, 100_000_000, .count)
    package static let maxRedirects = SettingRange(0, 20, .count)
    package static let retention = SettingRange(1, 7 * 86_400, .seconds)
    package static let retentionPoints = SettingRange(2, 10_000_000, .count)
    package static let backfill = SettingRange(0, 7 * 86_400, .seconds)
}

/// A value outside its `SettingRange`; the message says what is accepted and what was given.
package struct RangeRefusal: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }

    package init(message: String) { self.message = message }
}
