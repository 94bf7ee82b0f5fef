import Formatting
import Testing

/// The one number formatter is total: every function answers every Double from -Inf to +Inf, and the unit is
/// chosen after rounding.
@Suite struct FormatTests {
    /// Values at the edges of Double and of the integer types, as a hostile page can send them.
    static let edges: [Double] = [
        -.infinity, -.greatestFiniteMagnitude, -1e308, -1e300, -9.3e18, -9.2e18, -1e15, -1, -0.5, -Double.ulpOfOne,
        -.leastNonzeroMagnitude, -0.0, 0, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, 1e-9, 0.0004,
        0.9995, 1, 9.995, 99.95, 999.5, 999.96, 9999.6, 99_999.6, 999_999.6, 1e9, 9.2e18, 9.3e18, 1.8e19, 1e21, 1e30,
        1e300, .greatestFiniteMagnitude, .infinity, .nan, -.nan, .signalingNaN,
    ]

    @Test(arguments: edges)
    func everyFormatterAnswersEveryValue(value: Double) {
        for text in [
            Format.fixed(value, 2), Format.fixed(value, 0), Format.fixed(value, 99), Format.fixed(value, -3),
            Format.compact(value, absent: "—"), Format.percent(value, absent: "—"),
            Format.percent(value, absent: "—", decimals: 1), Format.seconds(value, absent: "—"),
            Format.duration(value), Format.gib(value, absent: "—"), Format.scientific(value),
        ] {
            #expect(!text.isEmpty)
            #expect(text.count <= 24, "\(value) gave \(text)")
        }
        if !value.isFinite {
            #expect(Format.compact(value, absent: "—") == "?")
            #expect(Format.seconds(value, absent: "—") == "?")
            #expect(Format.percent(value, absent: "—") == "?")
            #expect(Format.gib(value, absent: "—") == "?")
        }
    }

    @Test func absentIsNotInvalid() {
        #expect(Format.compact(nil, absent: "—") == "—")
        #expect(Format.compact(.nan, absent: "—") == "?")
        #expect(Format.seconds(nil, absent: "") == "")
    }

    @Test func hugeValuesAreWrittenAsPowersOfTen() {
        #expect(Format.fixed(1e300, 1) == "1.0e300")
        #expect(Format.fixed(-1e308, 0) == "-1.0e308")
        #expect(Format.compact(1e30, absent: "—") == "1.0e30")
        #expect(Format.compact(-3.25e22, absent: "—") == "-3.3e22")
        #expect(Format.scientific(9.96e299) == "1.0e300")
        #expect(Format.scientific(.leastNonzeroMagnitude) == "4.9e-324")
        #expect(Format.duration(1e300) == "1.0e300s")
        #expect(Format.seconds(1e12, absent: "—") == "1.0e12s")
    }

    @Test func roundingCarriesIntoTheNextUnit() {
        #expect(Format.compact(999.96, absent: "—") == "1.0k")
        #expect(Format.compact(9_999.6, absent: "—") == "10k")
        #expect(Format.compact(999_999.6, absent: "—") == "1.0M")
        #expect(Format.compact(9.996, absent: "—") == "10")
        #expect(Format.seconds(0.9996, absent: "—") == "1.00s")
        #expect(Format.seconds(0.000_999_8, absent: "—") == "1ms")
        #expect(Format.seconds(59.97, absent: "—") == "1m00s")
        #expect(Format.gib(99.96 * 1_073_741_824, absent: "—") == "100")
    }

    @Test func everydayFigures() {
        #expect(Format.compact(1234, absent: "—") == "1.2k")
        #expect(Format.compact(56, absent: "—") == "56")
        #expect(Format.compact(0.25, absent: "—") == "0.25")
        #expect(Format.compact(-1234, absent: "—") == "-1.2k")
        #expect(Format.compact(3_400_000, absent: "—") == "3.4M")
        #expect(Format.seconds(0.0421, absent: "—") == "42ms")
        #expect(Format.seconds(0.000_85, absent: "—") == "850µs")
        #expect(Format.seconds(1.25, absent: "—") == "1.25s")
        #expect(Format.seconds(125, absent: "—") == "2m05s")
        #expect(Format.duration(78) == "1m18s")
        #expect(Format.duration(3725) == "1h02m")
        #expect(Format.duration(2 * 86_400 + 7200) == "2d02h")
        #expect(Format.percent(0.973, absent: "—") == "97%")
        #expect(Format.percent(0.973, absent: "—", decimals: 1) == "97.3%")
        #expect(Format.fixed(-0.04, 1) == "0.0" && Format.fixed(-1.25, 1) == "-1.3")
        #expect(Format.bytes(Int.max, absent: "—") == "8589934592.0GiB")
        #expect(Format.bytes(Int.min, absent: "—") == "-8589934592.0GiB")
    }

    @Test func clocksAndAgesAtTheEdgesOfInt64() {
        #expect(Format.clock(ms: 3_723_000) == "01:02:03 UTC")
        #expect(Format.clock(ms: -1000) == "23:59:59 UTC")
        #expect(Format.clock(ms: .min).hasSuffix(" UTC") && Format.clock(ms: .max).hasSuffix(" UTC"))
        #expect(Format.age(fromMs: .min, toMs: .max, absent: "—") == "—")
        #expect(Format.age(fromMs: 0, toMs: 5 * 86_400_000, absent: "—") == "5d")
        #expect(Format.age(fromMs: 10, toMs: 0, absent: "—") == "—")
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e18, -9.3e18, 0.9, -0.9])
    func integerConversionsClampInsteadOfTrapping(value: Double) {
        let int = Int(clamping: value)
        let int32 = Int32(clamping: value)
        if value.isNaN { #expect(int == 0 && int32 == 0) }
        if value > 9.3e18 - 1 { #expect(int == .max && int32 == .max) }
        if value < -9.3e18 + 1 { #expect(int == .min && int32 == .min) }
        if abs(value) < 1 { #expect(int == 0) }
        #expect(UInt8(clamping: value) <= 255)
    }
}
