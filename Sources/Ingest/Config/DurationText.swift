import Foundation

/// Parses the human spellings of durations and sizes used by flags and the YAML file.
package enum DurationText {
    /// `1.5` → 1.5; `500ms` → 0.5; `2s`; `5m`; `1h`; nil when unreadable or negative.
    package static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
        return scaled(text, units: units)
    }

    /// `1024` → 1024; `64MiB`; `10MB`; `512KiB`; `1GiB`; nil when unreadable or negative. A Double, so a size
    /// beyond any integer (99999999999999999999999) reaches the range check instead of trapping here.
    package static func bytes(_ text: String) -> Double? {
        let units: [(String, Double)] = [
            ("kib", 1024), ("mib", 1_048_576), ("gib", 1_073_741_824),
            ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("b", 1),
        ]
        return scaled(text.lowercased(), units: units)
    }

    private static func scaled(_ text: String, units: [(String, Double)]) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Double(trimmed) { return plain >= 0 && plain.isFinite ? plain : nil }
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            if let value = Double(number), value >= 0, value.isFinite { return value * factor }
        }
        return nil
    }
}
