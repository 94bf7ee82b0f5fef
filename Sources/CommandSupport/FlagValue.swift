import ArgumentParser
import Ingest

/// Numeric flags read against their documented range (`SettingRange`), as `@Option(transform:)`: a value that
/// is not a number or lies outside the range is refused by the parser itself, in one line that names the flag,
/// the value and the range (`The value '1e300' is invalid for '--interval <duration>': expected 50ms to 1h`),
/// and the program exits 64 before anything runs. Nothing out of range reaches a conversion that could trap or
/// a loop that could not end.
package enum FlagValue {
    package typealias Parse<T> = @Sendable (String) throws -> T

    /// A plain number (`1.5`, `2`).
    package static func double(_ range: SettingRange) -> Parse<Double> {
        { text in try check(Double(text.trimmingCharacters(in: .whitespaces)), range, what: "a number") }
    }

    /// A whole number.
    package static func int(_ range: SettingRange) -> Parse<Int> {
        { text in
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            // Read as a Double too, so that 99999999999999999999 is "out of range", not "not a number".
            let value = Int(trimmed).map(Double.init) ?? Double(trimmed).flatMap { $0 == $0.rounded() ? $0 : nil }
            return Int(try check(value, range, what: "a whole number"))
        }
    }

    /// A duration in seconds: `1.5`, `500ms`, `90s`, `30m`, `2h`.
    package static func seconds(_ range: SettingRange) -> Parse<Double> {
        { text in try check(DurationText.seconds(text), range, what: "a duration such as 500ms, 2s, 5m or 1h") }
    }

    /// A size in bytes: `1024`, `64MiB`, `10MB`.
    package static func bytes(_ range: SettingRange) -> Parse<Int> {
        { text in Int(try check(DurationText.bytes(text), range, what: "a size such as 1024, 64MiB or 10MB")) }
    }

    private static func check(_ value: Double?, _ range: SettingRange, what: String) throws -> Double {
        guard let value else { throw RangeRefusal(message: "expected \(what), \(range.text)") }
        guard range.contains(value) else { throw RangeRefusal(message: "expected \(range.text)") }
        return value
    }
}
