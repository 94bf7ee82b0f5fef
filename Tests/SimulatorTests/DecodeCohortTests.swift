import Testing

@testable import Simulator

/// The decode cohort (`DecodeCohort`) is a shortcut, not a model: the pages are the same bytes as when every
/// ordinary engine step visits every request, through preemptions, bursts, crashes and both engines' pages.
@Suite struct DecodeCohortTests {
    static func pages(_ scenario: Scenario, inBulk: Bool) -> [[UInt8]] {
        let options = SimulationOptions(scenario: scenario, seed: 7, nodes: 2, keepsDecodeCohort: inBulk)
        var simulator = ClusterSimulator(options: options)
        var pages: [[UInt8]] = []
        simulator.fastForward(durationMs: 240_000, intervalMs: 10_000) { scrape in pages.append(scrape.bytes ?? []) }
        return pages
    }

    @Test(arguments: [Scenario.kvPressure, .burst, .failure, .mixedGPUs])
    func cohortStepsGiveTheSamePagesAsSingleSteps(_ scenario: Scenario) async {
        let bulk = await Offload.run { Self.pages(scenario, inBulk: true) }
        let single = await Offload.run { Self.pages(scenario, inBulk: false) }
        #expect(bulk.count == single.count)
        #expect(bulk.contains { !$0.isEmpty })
        for index in bulk.indices where index < single.count && bulk[index] != single[index] {
            Issue.record("page \(index) of \(scenario) differs between cohort and single steps")
            break
        }
    }
}
