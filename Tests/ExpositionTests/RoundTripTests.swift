import Exposition
import PropertyBased
import Testing

/// Writer → parser round trips: what the writer emits, the parser reads back identically.
///
/// Inputs come from swift-property-based generators driven by a fixed seed, so every run checks the same
/// cases (tests here must be deterministic); the generators still cover escapes, quotes, newlines,
/// non-ASCII text and UTF-8 metric names.
@Suite struct RoundTripTests {
    /// Characters that stress escaping: backslashes, quotes, newlines, braces, commas, '#', and UTF-8.
    static let trickyCharacter = Gen<Character?>.element(of: Array("ab\\\"\n{}=,# é漢🙂\t")).compactMap { $0 }
    static let text = trickyCharacter.string(of: 0...12)
    static let bareName = Gen<Character?>.element(of: Array("abcxyz_:")).compactMap { $0 }.string(of: 1...8)
    static let labelName = Gen<Character?>.element(of: Array("abcxyz_")).compactMap { $0 }.string(of: 1...8)
    static let utf8Name = Gen<Character?>.element(of: Array("ab.-/é")).compactMap { $0 }.string(of: 1...8)
    static let value = Gen<Double>.double(in: -1e12...1e12)

    private func roundTrip(_ families: [MetricFamily], format: ExpositionFormat) -> ExpositionPage {
        ExpositionParser.parse(ExpositionWriter.page(families, format: format), format: format)
    }

    private func family(name: String, help: String, labels: [Label], value: Double, timestampMs: Int64?) -> MetricFamily {
        var unique: [Label] = []
        for label in labels where !unique.contains(where: { $0.name == label.name }) { unique.append(label) }
        return MetricFamily(
            name: name, type: .gauge, help: help,
            samples: [Sample(name: name, labels: Labels(unique), value: value, timestampMs: timestampMs)])
    }

    @Test(arguments: [ExpositionFormat.text, .openMetrics])
    func escapedHelpAndLabelValuesSurvive(format: ExpositionFormat) {
        var rng = Xoshiro(seed: (1, 2, 3, 4))
        for _ in 0..<400 {
            let name = Self.bareName.run(using: &rng)
            let help = Self.text.run(using: &rng)
            let names = Self.labelName.array(of: 0...4).run(using: &rng)
            let values = Self.text.array(of: 4).run(using: &rng)
            let labels = zip(names, values).map { Label($0, $1) }
            let value = Self.value.run(using: &rng)
            let written = family(name: name, help: help, labels: labels, value: value, timestampMs: 1_700_000_000_123)
            let page = roundTrip([written], format: format)
            #expect(page.errors == [], "\(name) \(labels)")
            #expect(page.families == [written], "written: \(written)\nread: \(page.families)")
        }
    }

    @Test func utf8MetricAndLabelNamesAreQuoted() {
        var rng = Xoshiro(seed: (5, 6, 7, 8))
        for _ in 0..<300 {
            let name = Self.utf8Name.run(using: &rng)
            let labelName = Self.utf8Name.run(using: &rng)
            let written = family(
                name: name, help: "h", labels: [Label(labelName, Self.text.run(using: &rng))],
                value: 1, timestampMs: nil)
            let page = roundTrip([written], format: .text)
            #expect(page.errors == [], "\(name)")
            #expect(page.families == [written])
        }
    }

    @Test func specialValuesAndTimestamps() {
        let values: [Double] = [0, -0.0, 1, -1, 0.1, 1e-300, 1.7976931348623157e308, .infinity, -.infinity, 123456789.125]
        for format in [ExpositionFormat.text, .openMetrics] {
            for value in values {
                for timestamp in [nil, Int64(0), 1_700_000_000_001, -1500] as [Int64?] {
                    let written = family(name: "m", help: "", labels: [], value: value, timestampMs: timestamp)
                    #expect(
                        roundTrip([written], format: format).families == [written], "\(value) \(String(describing: timestamp))")
                }
            }
            let nan = roundTrip([family(name: "m", help: "", labels: [], value: .nan, timestampMs: nil)], format: format)
            #expect(nan.samples.first?.value.isNaN == true)
        }
    }

    @Test func histogramsCountersAndExemplarsInOpenMetrics() {
        let histogram = MetricFamily(
            name: "lat_seconds", type: .histogram, help: "Latency.", unit: "seconds",
            samples: [
                Sample(
                    name: "lat_seconds_bucket", labels: ["le": "0.1"], value: 3,
                    exemplar: Exemplar(labels: ["trace_id": "t\"1"], value: 0.05, timestamp: 1_700_000_000.5)),
                Sample(name: "lat_seconds_bucket", labels: ["le": "+Inf"], value: 4),
                Sample(name: "lat_seconds_sum", value: 0.7),
                Sample(name: "lat_seconds_count", value: 4),
            ])
        let counter = MetricFamily(
            name: "req", type: .counter, help: "Requests.",
            samples: [
                Sample(name: "req_total", labels: ["code": "200"], value: 10),
                Sample(name: "req_created", labels: ["code": "200"], value: 1_700_000_000),
            ])
        let page = roundTrip([histogram, counter], format: .openMetrics)
        #expect(page.errors == [])
        #expect(page.families == [histogram, counter])
    }

    /// A template filled with values is byte for byte the page the writer writes sample by sample.
    @Test func aFilledTemplateEqualsTheWrittenPage() {
        var rng = Xoshiro(seed: (9, 10, 11, 12))
        let special: [Double] = [
            0, -0.0, 1, -1, 0.1, 1e-300, -2.2250738585072014e-308, 1.7976931348623157e308,
            .infinity, -.infinity, .nan, 9_007_199_254_740_991, 9_007_199_254_740_992,
            -9_007_199_254_740_991, 1e16, 123456789.125, 0.30000000000000004,
        ]
        for round in 0..<50 {
            let names = Self.bareName.array(of: 1...6).run(using: &rng)
            let labels = names.map { _ in Labels([Label("l", Self.text.run(using: &rng))]) }
            var values = names.map { _ in Self.value.run(using: &rng) }
            values[0] = round < special.count ? special[round] : values[0].rounded()
            var layout = ExpositionWriter()
            var direct = ExpositionWriter()
            for (index, name) in names.enumerated() {
                layout.writeHeader(name: name, type: .gauge, help: "h")
                layout.writeValueSlot(name: name, labels: labels[index])
                direct.writeHeader(name: name, type: .gauge, help: "h")
                direct.writeSample(name: name, labels: labels[index], value: values[index])
            }
            let template = layout.template
            #expect(template.valueCount == names.count)
            let rendered = template.render { filler in
                for value in values { filler.append(value) }
            }
            #expect(rendered == direct.bytes, "\(values)")
        }
    }

    /// A histogram's bucket slots written at once are the lines written bucket by bucket: legacy and quoted
    /// names, labels before and after `le` or none, values that need escaping.
    @Test func bucketSlotsEqualTheSlotsWrittenOneByOne() {
        var rng = Xoshiro(seed: (17, 18, 19, 20))
        for round in 0..<200 {
            let name = (round % 3 == 0 ? Self.utf8Name : Self.bareName).run(using: &rng) + "_bucket"
            let labelNames = round % 2 == 0 ? Self.labelName : Self.utf8Name
            let before = labelNames.array(of: 0...2).run(using: &rng).map { Label($0, Self.text.run(using: &rng)) }
            let after = Self.labelName.array(of: 0...2).run(using: &rng).map { Label($0, Self.text.run(using: &rng)) }
            let leTexts = Self.text.array(of: 1...5).run(using: &rng) + ["+Inf"]
            var atOnce = ExpositionWriter()
            var oneByOne = ExpositionWriter()
            atOnce.writeBucketSlots(name: name, before: before, leTexts: leTexts, after: after)
            for le in leTexts {
                oneByOne.writeValueSlot(name: name, labels: Labels(before + [Label("le", le)] + after))
            }
            #expect(atOnce.bytes == oneByOne.bytes, "\(name) \(before) \(leTexts) \(after)")
            let values = leTexts.indices.map(Double.init)
            let fill = { (filler: inout ExpositionTemplate.Filler) in for value in values { filler.append(value) } }
            #expect(atOnce.template.render(fill) == oneByOne.template.render(fill))
        }
    }

    /// Integral values are written digit by digit, everything else as `formatValue` spells it.
    @Test func valuesAreSpelledAsFormatValueSpellsThem() {
        var rng = Xoshiro(seed: (13, 14, 15, 16))
        let wide = Gen<Double>.double(in: -1e18...1e18)
        let small = Gen<Double>.double(in: -2...2)
        for index in 0..<3_000 {
            let value =
                switch index % 3 {
                case 0: wide.run(using: &rng).rounded()
                case 1: small.run(using: &rng)
                default: Double(Int64.random(in: -1_000_000...1_000_000, using: &rng))
                }
            var writer = ExpositionWriter()
            writer.writeSample(name: "m", value: value)
            #expect(writer.text == "m " + ExpositionWriter.formatValue(value) + "\n", "\(value)")
        }
    }
}
