#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Number formatting for cells: short, fixed-width friendly, and honest — an absent value prints `absent` ("—").
public enum Format {
    /// `value` with `decimals` digits after the point (no Foundation, no locale).
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "?" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let fraction = Int(scaled - Double(whole) * scale)
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// 1234 → "1.2k", 56 → "56", 0.25 → "0.25", 3_400_000 → "3.4M".
    public static func compact(_ value: Double?, absent: String) -> String {
        guard let value, value.isFinite else { return absent }
        let a = abs(value)
        if a >= 1e9 { return fixed(value / 1e9, 1) + "G" }
        if a >= 1e6 { return fixed(value / 1e6, 1) + "M" }
        if a >= 1e4 { return fixed(value / 1e3, 0) + "k" }
        if a >= 1e3 { return fixed(value / 1e3, 1) + "k" }
        if a >= 100 || a == a.rounded() { return fixed(value, 0) }
        if a >= 10 { return fixed(value, 1) }
        return fixed(value, 2)
    }

    /// A 0–1 fraction as a percentage: "42%".
    public static func percent(_ fraction: Double?, absent: String) -> String {
        guard let fraction, fraction.isFinite else { return absent }
        return fixed(fraction * 100, 0) + "%"
    }

    /// Seconds as a latency: "850µs", "42ms", "1.25s", "2m05s".
    public static func seconds(_ value: Double?, absent: String) -> String {
        guard let value, value.isFinite else { return absent }
        if value == 0 { return "0" }
        if value < 0.001 { return fixed(value * 1e6, 0) + "µs" }
        if value < 1 { return fixed(value * 1000, 0) + "ms" }
        if value < 60 { return fixed(value, value < 10 ? 2 : 1) + "s" }
        let whole = Int(value.rounded())
        let secs = whole % 60
        return String(whole / 60) + "m" + (secs < 10 ? "0" : "") + String(secs) + "s"
    }

    /// Bytes in GiB with one decimal below 100 GiB: "41.2".
    public static func gib(_ bytes: Double?, absent: String) -> String {
        guard let bytes, bytes.isFinite else { return absent }
        let g = bytes / 1_073_741_824
        return g >= 100 ? fixed(g, 0) : fixed(g, 1)
    }

    /// Bytes with a binary unit: "512B", "12.3KiB", "4.0MiB".
    public static func bytes(_ value: Int?, absent: String) -> String {
        guard let value else { return absent }
        let v = Double(value)
        if v < 1024 { return String(value) + "B" }
        if v < 1_048_576 { return fixed(v / 1024, 1) + "KiB" }
        if v < 1_073_741_824 { return fixed(v / 1_048_576, 1) + "MiB" }
        return fixed(v / 1_073_741_824, 1) + "GiB"
    }

    /// "HH:MM:SS UTC" of a time in ms since the epoch.
    public static func clock(ms: Int64) -> String {
        let daySeconds = Int((ms / 1000) % 86_400)
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        return two(daySeconds / 3600) + ":" + two((daySeconds / 60) % 60) + ":" + two(daySeconds % 60) + " UTC"
    }

    /// An age: "3s", "4m", "2h" (nil when unknown or in the future).
    public static func age(fromMs: Int64?, toMs: Int64, absent: String) -> String {
        guard let fromMs, toMs >= fromMs else { return absent }
        let s = Int((toMs - fromMs) / 1000)
        if s < 120 { return String(s) + "s" }
        if s < 7200 { return String(s / 60) + "m" }
        return String(s / 3600) + "h"
    }

    /// A window length: 60 → "1m", 3600 → "1h".
    public static func window(seconds: Int) -> String {
        seconds % 3600 == 0 ? String(seconds / 3600) + "h" : (seconds % 60 == 0 ? String(seconds / 60) + "m" : String(seconds) + "s")
    }
}
