import Exposition
import Foundation
import TestSupport
import Testing

@Suite("Reading bodies")
struct PageIntakeReadTests {
    @Test("bodies that are not exposition text say what they are")
    func notExposition() {
        let cases: [(String, String)] = [
            ("\"# HELP llamacpp:prompt_tokens_total ...\\n\"", "JSON-quoted"),
            ("<html><body>Login</body></html>", "HTML"),
            ("{{{ ]]] not metrics at all\n", "parse error"),
        ]
        for (body, expected) in cases {
            guard case .failure(let error) = PageIntake.read(Array(body.utf8), contentType: "text/plain") else {
                Issue.record("accepted \(body)")
                continue
            }
            #expect(error.description.contains(expected), "\(error)")
        }
        #expect(throws: Never.self) { try PageIntake.read([], contentType: nil).get() }
    }

    @Test("a real page reads whole; an OpenMetrics content type is honoured")
    func realPage() throws {
        let bytes = try Fixtures.bytes(Fixtures.realScrape("sglang-docs-llama31-8b.prom"))
        let page = try PageIntake.read(bytes, contentType: "text/plain; version=0.0.4").get()
        #expect(page.family(named: "sglang:num_running_reqs") != nil)
        let openMetrics = "# TYPE q counter\nq_total 3\n# EOF\n"
        let parsed = try PageIntake.read(Array(openMetrics.utf8), contentType: "application/openmetrics-text; version=1.0.0")
            .get()
        #expect(parsed.format == .openMetrics)
        #expect(parsed.family(named: "q")?.samples.first?.value == 3)
    }
}
