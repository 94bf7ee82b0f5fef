#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one way numbers are written for people, on every screen and in the text snapshot: short, fixed-width
/// friendly, and total — every function returns a string for every input from -Inf to +Inf. An absent value
/// (nil) prints as the caller's `absent` ("—"); a value that is not a number (NaN, ±Inf), which the model uses
/// for a reading outside what it can mean, prints as `invalid` ("?"); a finite value too large for its unit
/// prints in scientific form ("3.2e300") rather than trapping in an integer conversion.
package enum Format {
    /// What a value that cannot be shown as a number prints as.
    package static let invalid = "?"

    /// `value` with `decimals` digits after the point (0–9), rounded half away from zero; "-0" is never written.
    package static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return invalid }
        let digits = min(max(decimals, 0), 9)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        // Beyond 2^53 a Double holds no fraction digits, and beyond 2^63 no Int does: write it as a power of ten.
        guard scaled < 9e15 else { return scientific(value) }
        let units = Int64(scaled)
        let whole = units / Int64(scale)
        let sign = value < 0 && units > 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fraction = String(units - whole * Int64(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// `value` as a mantissa with one decimal and a power of ten: 3.2e300, -1.0e-9.
    package static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return invalid }
        guard value != 0 else { return "0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = (abs(value) / pow(10, Double(exponent)) * 10).rounded() / 10
        if !mantissa.isFinite {  // 10^exponent underflowed (subnormals): scale in two steps
            mantissa = (abs(value) * 1e300 / pow(10, Double(exponent + 300)) * 10).rounded() / 10
        }
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        let whole = Int(mantissa)
        let tenth = Int((mantissa * 10).rounded()) - whole * 10
        return (value < 0 ? "-" : "") + String(whole) + "." + String(tenth) + "e" + String(exponent)
    }

    /// A count or a rate, in at most about five characters: 0.25, 56, 1.2k, 56k, 3.4M, 7.0G, up to E; beyond,
    /// scientific. The unit is chosen after rounding, so 999.96 is "1.0k", never "1000".
    package static func compact(_ value: Double?, absent: String) -> String {
        guard let value else { return absent }
        guard value.isFinite else { return invalid }
        let sign = value < 0 ? "-" : ""
        var a = abs(value)
        for tier in compactTiers {
            guard a < tier.below else { continue }
            let decimals = tier.divisor == 1 && a == a.rounded() ? 0 : tier.decimals
            var power = 1.0
            for _ in 0..<decimals { power *= 10 }
            let rounded = (a / tier.divisor * power).rounded() / power * tier.divisor
            if rounded >= tier.below {
                a = rounded  // rounding carried it into the next unit
                continue
            }
            if rounded == 0 { return "0" }
            return sign + fixed(rounded / tier.divisor, decimals) + tier.suffix
        }
        return sign + scientific(a)
    }

    /// Tiers of `compact`: values below `below` are divided by `divisor` and written with `decimals` digits.
    private static let compactTiers: [(below: Double, divisor: Double, decimals: Int, suffix: String)] = [
        (10, 1, 2, ""), (100, 1, 1, ""), (1e3, 1, 0, ""), (1e4, 1e3, 1, "k"), (1e6, 1e3, 0, "k"),
        (1e9, 1e6, 1, "M"), (1e12, 1e9, 1, "G"), (1e15, 1e12, 1, "T"), (1e18, 1e15, 1, "P"), (1e21, 1e18, 1, "E"),
    ]

    /// A 0–1 fraction as a percentage: "42%" (or "42.5%" with `decimals: 1`).
    package static func percent(_ fraction: Double?, absent: String, decimals: Int = 0) -> String {
        guard let fraction else { return absent }
        guard fraction.isFinite else { return invalid }
        return fixed(fraction * 100, decimals) + "%"
    }

    /// Seconds as a latency: "850µs", "42ms" (below one second, always milliseconds), "1.25s", "12.5s", then as a
    /// duration ("2m05s", "1h02m", "3d04h").
    package static func seconds(_ value: Double?, absent: String) -> String {
        guard let value else { return absent }
        guard value.isFinite else { return invalid }
        if value < 0 { return "-" + seconds(-value, absent: absent) }
        if value == 0 { return "0" }
        if value < 0.000_999_5 { return fixed(value * 1e6, 0) + "µs" }
        if value < 0.999_5 { return fixed(value * 1000, 0) + "ms" }
        if value < 9.995 { return fixed(value, 2) + "s" }
        if value < 59.95 { return fixed(value, 1) + "s" }
        return duration(value)
    }

    /// A length of time at whole-second precision: "45s", "1m18s", "2h05m", "3d04h"; beyond 10,000 days, in
    /// scientific seconds. Negative durations get a minus sign.
    package static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return invalid }
        if seconds < 0 { return "-" + duration(-seconds) }
        guard seconds < 864_000_000 else { return scientific(seconds) + "s" }
        let whole = Int64(seconds.rounded())
        func two(_ n: Int64) -> String { n < 10 ? "0" + String(n) : String(n) }
        if whole < 60 { return String(whole) + "s" }
        if whole < 3600 { return String(whole / 60) + "m" + two(whole % 60) + "s" }
        if whole < 86_400 { return String(whole / 3600) + "h" + two(whole / 60 % 60) + "m" }
        return String(whole / 86_400) + "d" + two(whole / 3600 % 24) + "h"
    }

    /// A temperature: "57°C".
    package static func celsius(_ value: Double?, absent: String) -> String {
        guard let value else { return absent }
        guard value.isFinite else { return invalid }
        return fixed(value, 0) + "°C"
    }

    /// A temperature difference, signed so it cannot be read as a temperature: "+27°C", "-3°C".
    package static func celsiusDifference(_ value: Double?, absent: String) -> String {
        guard let value else { return absent }
        guard value.isFinite else { return invalid }
        let text = fixed(value, 0)
        return (text.hasPrefix("-") || text == "0" ? "" : "+") + text + "°C"
    }

    /// Power: "483W", "12.5kW".
    package static func watts(_ value: Double?, absent: String) -> String {
        guard let value else { return absent }
        guard value.isFinite else { return invalid }
        return abs(value) < 10_000 ? fixed(value, 0) + "W" : compact(value / 1000, absent: absent) + "kW"
    }

    /// Bytes in GiB with one decimal below 100 GiB: "41.2", "141".
    package static func gib(_ bytes: Double?, absent: String) -> String {
        guard let bytes else { return absent }
        guard bytes.isFinite else { return invalid }
        let g = bytes / 1_073_741_824
        return abs(g) >= 99.95 ? fixed(g, 0) : fixed(g, 1)
    }

    /// Bytes with a binary unit: "512B", "12.3KiB", "4.0MiB", "2.1GiB".
    package static func bytes(_ value: Int?, absent: String) -> String {
        guard let value else { return absent }
        let v = Double(value)
        if abs(v) < 1024 { return String(value) + "B" }
        if abs(v) < 1_048_576 { return fixed(v / 1024, 1) + "KiB" }
        if abs(v) < 1_073_741_824 { return fixed(v / 1_048_576, 1) + "MiB" }
        return fixed(v / 1_073_741_824, 1) + "GiB"
    }

    /// "HH:MM:SS UTC" of a time in ms since the epoch (times before 1970 count back from midnight).
    package static func clock(ms: Int64) -> String {
        let day = Int64(86_400)
        let daySeconds = Int(((ms / 1000) % day + day) % day)
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        return two(daySeconds / 3600) + ":" + two((daySeconds / 60) % 60) + ":" + two(daySeconds % 60) + " UTC"
    }

    /// An age: "3s", "4m", "2h", "5d" (`absent` when unknown or in the future).
    package static func age(fromMs: Int64?, toMs: Int64, absent: String) -> String {
        guard let fromMs else { return absent }
        let (elapsed, overflow) = toMs.subtractingReportingOverflow(fromMs)
        guard !overflow, elapsed >= 0 else { return absent }
        let s = elapsed / 1000
        if s < 120 { return String(s) + "s" }
        if s < 7200 { return String(s / 60) + "m" }
        if s < 172_800 { return String(s / 3600) + "h" }
        return String(s / 86_400) + "d"
    }

    /// A window length in seconds that need not be whole: 0.5 → "500ms", 2 → "2s", 2.5 → "2.5s", 600 → "10m".
    package static func window(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return invalid }
        if seconds < 1 { return fixed(seconds * 1000, 0) + "ms" }
        if seconds < 86_400, seconds == seconds.rounded() { return window(seconds: Int(seconds)) }
        return seconds < 60 ? fixed(seconds, 1) + "s" : duration(seconds)
    }

    /// A window length: 60 → "1m", 3600 → "1h", 90 → "90s".
    package static func window(seconds: Int) -> String {
        seconds % 3600 == 0 && seconds != 0
            ? String(seconds / 3600) + "h"
            : (seconds % 60 == 0 && seconds != 0 ? String(seconds / 60) + "m" : String(seconds) + "s")
    }
}
