import Exposition
import Testing

@testable import Simulator

/// Pages rendered from their templates are byte for byte what the writer writes sample by sample, in every
/// scenario and across restarts.
@Suite struct PageTemplateTests {
    /// The slow way: every line through `ExpositionWriter.writeSample`, no template.
    struct DirectPage: PageSink {
        var writer = ExpositionWriter(format: .text)

        mutating func header(
            _ name: @autoclosure () -> String, _ type: MetricType,
            _ help: @autoclosure () -> String
        ) {
            writer.writeHeader(name: name(), type: type, help: help())
        }

        mutating func sample(
            _ name: @autoclosure () -> String, _ labels: @autoclosure () -> Labels,
            _ value: Double
        ) {
            writer.writeSample(name: name(), labels: labels(), value: value)
        }
    }

    static func direct(_ instance: EngineInstance) -> [UInt8] {
        var page = DirectPage()
        instance.describePage(&page)
        return page.writer.bytes
    }

    static func direct(_ simulator: ClusterSimulator, _ target: SimTarget) -> [UInt8] {
        if let index = target.instanceIndex { return direct(simulator.instances[index]) }
        var page = DirectPage()
        DCGMPage.describe(simulator.gpus, simulator.nodeGPUs[target.nodeIndex], hostname: target.node, &page)
        return page.writer.bytes
    }

    @Test(arguments: Scenario.allCases)
    func templatedPagesEqualTheWriters(scenario: Scenario) async {
        let mismatches = await Offload.run {
            var simulator = ClusterSimulator(
                options: SimulationOptions(
                    scenario: scenario, seed: 5, nodes: 2,
                    gpusPerNode: 2))
            var mismatches: [String] = []
            var compared = 0
            // Two moments, 2 and 4 minutes in: queues, crashes and cold starts happen in between.
            for _ in 0..<2 {
                simulator.advance(byMs: 120_000)
                for target in simulator.targets {
                    guard let page = simulator.page(for: target) else { continue }
                    compared += 1
                    if page != Self.direct(simulator, target) { mismatches.append(target.id) }
                }
            }
            return compared > 0 ? mismatches : ["no page answered"]
        }
        #expect(mismatches == [])
    }

    @Test func aRestartLaysOutTheSGLangPageAgainWithItsNewPid() throws {
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: .mixedGPUs, nodes: 1, gpusPerNode: 2))
        simulator.advance(byMs: 10_000)
        let index = try #require(simulator.instances.firstIndex { $0.plan.engine == .sglang })
        func pid() -> String? {
            PageReader(simulator.instances[index].page()).page.family(named: "sglang:num_retracted_reqs")?
                .samples.first?.labels["pid"]
        }
        let before = try #require(pid())
        simulator.instances[index].start(atMs: Double(simulator.nowMs + 5_000))
        #expect(try #require(pid()) != before)
        #expect(simulator.instances[index].page() == Self.direct(simulator.instances[index]))
    }
}
