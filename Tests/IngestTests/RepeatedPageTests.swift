import Exposition
import Harness
import Ingest
import Testing

/// Successive scrapes of one exporter: the same lines with new values, whose text changes length. Every
/// page after the first must reuse the names and labels (the scrape cache the speed goal relies on) and
/// read exactly what a full parse reads.
@Suite struct RepeatedPageTests {
    @Test("pages whose values change length are reused one after another, with the full parse's values")
    func valuesOfChangingLength() throws {
        var parser = RepeatingPageParser()
        for tick in 0..<6 {
            let bytes = SyntheticPage.vllm(bytes: 60_000, seed: 5, tick: tick)
            let page = try PageIntake.read(bytes, contentType: "text/plain; version=0.0.4", parser: &parser).get()
            let full = ExpositionParser.parse(bytes)
            #expect(page.families.flatMap(\.samples).map(\.value) == full.families.flatMap(\.samples).map(\.value))
        }
        #expect(
            parser.fullParses == 1 && parser.reusedPages == 5,
            "full parses \(parser.fullParses), reused \(parser.reusedPages)")
    }
}
