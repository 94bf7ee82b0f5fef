import Foundation

/// Reads a moment of a replay as people type it: an offset from the start (`90`, `90s`, `12:30`, `00:12:30`,
/// `1h2m`) or an absolute ISO-8601 time (`2026-01-01T00:12:30Z`). Shared by `--at` and the `g` prompt.
package enum ReplayTimeText {
    package enum Moment: Equatable, Sendable {
        case offset(ms: Int64)
        case absolute(ms: Int64)

        /// Milliseconds from `startMs`.
        package func offsetMs(from startMs: Int64) -> Int64 {
            switch self {
            case .offset(let ms): return ms
            case .absolute(let ms):
                let (offset, overflow) = ms.subtractingReportingOverflow(startMs)
                return overflow ? (ms < startMs ? .min : .max) : offset
            }
        }
    }

    /// The longest offset or the furthest time accepted: ±10,000 years, so every moment fits in milliseconds.
    package static let limitSeconds = 10_000 * 365.25 * 86_400

    package static func parse(_ text: String) -> Moment? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains("T"), let date = ISO8601DateFormatter().date(from: trimmed) {
            return milliseconds(date.timeIntervalSince1970).map { .absolute(ms: $0) }
        }
        if trimmed.contains(":") {
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
            guard parts.count <= 3, parts.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
            let seconds = parts.reduce(0.0) { $0 * 60 + ($1 ?? 0) }
            return milliseconds(seconds).map { .offset(ms: $0) }
        }
        var total = 0.0
        var number = ""
        for character in trimmed.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
        }
        if !number.isEmpty {
            guard let value = Double(number) else { return nil }
            total += value  // a bare number is seconds
        }
        return milliseconds(total).map { .offset(ms: $0) }
    }

    /// Seconds as milliseconds; nil beyond `limitSeconds` (or not a number).
    private static func milliseconds(_ seconds: Double) -> Int64? {
        guard seconds.isFinite, abs(seconds) <= limitSeconds else { return nil }
        return Int64((seconds * 1000).rounded())
    }

    /// `1:02:03` or `12:30` for an offset in milliseconds.
    package static func format(offsetMs: Int64) -> String {
        let seconds = max(0, offsetMs / 1000)
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let two = { (n: Int64) in n < 10 ? "0\(n)" : "\(n)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(two(m)):\(two(s))"
    }
}
