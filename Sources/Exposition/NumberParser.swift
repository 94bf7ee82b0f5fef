/// Reads sample values and timestamps from bytes without building strings on the common path.
///
/// Decimal values with at most 19 significant digits and a small exponent are computed exactly
/// (Clinger's fast path); anything else falls back to the standard library's correctly rounded
/// conversion, so every value equals what `strtod` (and Go's `ParseFloat`) would give.
enum NumberParser {
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a float from `[start, end)`; nil when the token is not a number.
    ///
    /// Accepts what Prometheus accepts (`1`, `-1.5e-3`, `NaN`, `+Inf`, `-Inf`) and, leniently, what real
    /// servers write: `Inf`, `inf`, `nan`, `-nan`, `-nan(ind)`, `Infinity`.
    static func parseDouble(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        if start >= end { return nil }
        var i = start
        var negative = false
        if p[i] == 0x2D || p[i] == 0x2B {  // - +
            negative = p[i] == 0x2D
            i += 1
            if i >= end { return nil }
        }
        let first = p[i]
        if first == 0x4E || first == 0x6E || first == 0x49 || first == 0x69 {  // N n I i
            return parseSpecial(p, i, end, negative: negative)
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var sawDigit = false
        var exact = true
        while i < end, p[i] &- 0x30 < 10 {
            sawDigit = true
            if digits < 19 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                if mantissa != 0 { digits += 1 }
            } else {
                exponent += 1
                exact = false
            }
            i += 1
        }
        if i < end, p[i] == 0x2E {  // .
            i += 1
            while i < end, p[i] &- 0x30 < 10 {
                sawDigit = true
                if digits < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                    if mantissa != 0 { digits += 1 }
                    exponent -= 1
                } else {
                    exact = false
                }
                i += 1
            }
        }
        if !sawDigit { return fallback(p, start, end) }
        if i < end, p[i] == 0x65 || p[i] == 0x45 {  // e E
            i += 1
            var expNegative = false
            if i < end, p[i] == 0x2D || p[i] == 0x2B {
                expNegative = p[i] == 0x2D
                i += 1
            }
            var expValue = 0
            var expDigits = 0
            while i < end, p[i] &- 0x30 < 10 {
                if expValue < 100_000 { expValue = expValue * 10 + Int(p[i] &- 0x30) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -expValue : expValue
        }
        if i != end { return fallback(p, start, end) }
        if exact && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent < 0 {
                value /= exactPowersOfTen[-exponent]
            } else {
                value *= exactPowersOfTen[exponent]
            }
            return negative ? -value : value
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        return fallback(p, start, end)
    }

    /// Parses a signed integer (text-format timestamps, milliseconds); nil when it is not one.
    static func parseInt64(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int64? {
        var i = start
        var negative = false
        if i < end, p[i] == 0x2D || p[i] == 0x2B {
            negative = p[i] == 0x2D
            i += 1
        }
        if i >= end { return nil }
        var value: Int64 = 0
        while i < end {
            let digit = p[i] &- 0x30
            if digit >= 10 { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
            i += 1
        }
        return negative ? -value : value
    }

    private static func parseSpecial(_ p: UnsafePointer<UInt8>, _ i: Int, _ end: Int, negative: Bool) -> Double? {
        let word = lowercased(p, i, end)
        switch word {
        case "inf", "infinity": return negative ? -.infinity : .infinity
        case "nan": return .nan
        default:
            // `-nan(ind)` and `nan(0x…)`: C runtimes print NaN payloads this way.
            if word.hasPrefix("nan(") && word.hasSuffix(")") { return .nan }
            return nil
        }
    }

    private static func lowercased(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(end - start)
        for index in start..<end { bytes.append(p[index].asciiLowercased) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hex floats, long mantissas, huge exponents: the standard library rounds them correctly.
    private static func fallback(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self))
    }
}
