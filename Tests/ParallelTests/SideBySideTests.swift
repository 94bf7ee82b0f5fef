import Testing

@testable import Parallel

/// Work spread over the cores comes back as if done in a loop: every element changed once, results in order.
@Suite struct SideBySideTests {
    @Test func everyElementIsWorkedOnceAndResultsKeepTheirOrder() {
        var counters = (0..<1_000).map { [$0] }
        let results = SideBySide.map(&counters) { index, counter in
            counter.append(index * 2)
            return "\(index):\(counter[0])"
        }
        #expect(results == (0..<1_000).map { "\($0):\($0)" })
        #expect(counters == (0..<1_000).map { [$0, $0 * 2] })
    }

    @Test func indicesMapInOrder() {
        #expect(SideBySide.map(count: 500) { $0 * $0 } == (0..<500).map { $0 * $0 })
        #expect(SideBySide.map(count: 0) { $0 }.isEmpty)
    }

    @Test func anEmptyArrayGivesNoResults() {
        var empty: [Int] = []
        #expect(SideBySide.map(&empty) { _, value in value }.isEmpty)
    }
}
