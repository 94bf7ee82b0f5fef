/// Reads a moment out of a dump's file name, so that a folder of `.prom` files replays in the order and at
/// the pace they were taken. Accepted (documented in docs/RECORDING.md), first match wins:
///
/// - ISO-8601 date and time, with `-` or `:` between time fields, optional fraction, and `Z`, an offset
///   (`+02:00`, `+0200`, `-05`) or nothing (UTC): `2026-01-01T00-00-00Z`, `2026-01-01T12:30:05.250+02:00`,
///   compact `20260101T000000Z`; a space or `_` may stand for the `T`.
/// - Unix time as a run of exactly 13 digits (milliseconds) or 10 digits (seconds): `node-1767225600.prom`,
///   `1767225600123.prom`. Shorter digit runs (`gpu-node-0001`) are not times.
package enum DumpFileTime {
    /// The time in `name` as milliseconds since 1970, and the range of `name` it occupies; nil when none.
    package static func parse(_ name: String) -> (timeMs: Int64, range: Range<String.Index>)? {
        if let match = name.firstMatch(of: iso), let ms = isoMilliseconds(match.output) { return (ms, match.range) }
        if let match = name.firstMatch(of: epoch) {
            let digits = match.output.1
            guard let value = Int64(digits) else { return nil }
            return (digits.count == 13 ? value : value * 1000, digits.startIndex..<digits.endIndex)
        }
        return nil
    }

    /// The name with the time and the separators around it removed: `node-1767225600` → `node`.
    package static func stripping(_ name: String) -> String {
        guard let found = parse(name) else { return name }
        let separators: Set<Character> = ["-", "_", ".", " ", "@"]
        var head = String(name[..<found.range.lowerBound])
        var tail = String(name[found.range.upperBound...])
        while let last = head.last, separators.contains(last) { head.removeLast() }
        while let first = tail.first, separators.contains(first) { tail.removeFirst() }
        return head.isEmpty || tail.isEmpty ? head + tail : head + "-" + tail
    }

    // `nonisolated(unsafe)`: Regex is not Sendable, but these are built once and only read.
    nonisolated(unsafe) private static let iso = try! Regex(
        #"(\d{4})-?(\d{2})-?(\d{2})[T_ ](\d{2})[-:]?(\d{2})[-:]?(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}(?:[:-]?\d{2})?)?"#
    ).ignoresCase()
    nonisolated(unsafe) private static let epoch = try! Regex<(Substring, Substring)>(#"(?:^|\D)(\d{13}|\d{10})(?:\D|$)"#)

    /// The moment of an ISO match, nil when a field is out of range (then it was not a date after all).
    private static func isoMilliseconds(_ output: AnyRegexOutput) -> Int64? {
        func number(_ i: Int) -> Int64 { output[i].substring.flatMap { Int64($0) } ?? 0 }
        guard (1...12).contains(number(2)), (1...31).contains(number(3)), number(4) < 24, number(5) < 60,
            number(6) <= 60
        else { return nil }
        let days = daysFromCivil(year: number(1), month: number(2), day: number(3))
        var ms = ((days * 24 + number(4)) * 60 + number(5)) * 60_000 + number(6) * 1000
        if let fraction = output[7].substring {
            let padded = (String(fraction) + "000").prefix(3)
            ms += Int64(padded) ?? 0
        }
        if let zone = output[8].substring, zone.uppercased() != "Z" {
            let sign: Int64 = zone.first == "-" ? -1 : 1
            let digits = zone.dropFirst().filter(\.isNumber)
            let hours = Int64(digits.prefix(2)) ?? 0
            let minutes = Int64(digits.dropFirst(2)) ?? 0
            ms -= sign * (hours * 60 + minutes) * 60_000
        }
        return ms
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm), so no calendar or
    /// time zone database is consulted.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
