/// Sample values as bytes, spelled exactly as `ExpositionWriter.formatValue` spells them, written straight into
/// a buffer: integral values (counters, bucket counts, MiB) digit by digit, without building a String.
enum ValueText {
    /// The most bytes `write` produces (`-2.2250738585072014e-308` is 24).
    static let maxBytes = 32

    /// Integral doubles up to 2^53 are written as integers (no `.0`); larger ones keep Swift's shortest form.
    static let exactIntegerLimit = 9_007_199_254_740_992.0

    /// Writes `value` at `out`, which has room for `maxBytes`, and returns how many bytes it wrote.
    @inline(__always)
    static func write(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value == value.rounded(.towardZero) && Swift.abs(value) < exactIntegerLimit && value != 0 {
            return writeInteger(Int64(value), to: out)
        }
        var text = ExpositionWriter.formatValue(value)
        return text.withUTF8 { utf8 in
            precondition(utf8.count <= maxBytes, "a sample value longer than \(maxBytes) bytes")
            out.initialize(from: utf8.baseAddress!, count: utf8.count)
            return utf8.count
        }
    }

    private static func writeInteger(_ value: Int64, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = value.magnitude
        var sign = 0
        if value < 0 {
            out.initialize(to: 0x2D)
            sign = 1
        }
        // Count the digits first, then fill them in from the right.
        var digits = 1
        var bound: UInt64 = 10
        while digits < 19 && magnitude >= bound {
            digits += 1
            bound &*= 10
        }
        var index = sign + digits
        repeat {
            index -= 1
            (out + index).initialize(to: UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30)
            magnitude /= 10
        } while index > sign
        return sign + digits
    }
}
