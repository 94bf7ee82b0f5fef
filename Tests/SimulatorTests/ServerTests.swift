import Exposition
import Foundation
import TestSupport
import Testing

@testable import Simulator

/// The served simulator over real HTTP: pages, the file_sd listing, down targets, unknown paths.
@Suite struct ServerTests {
    @Test func servesEveryTargetAndAFileSDListing() async throws {
        let served = try await ServedSimulation(
            SimulationOptions(
                scenario: .mixedGPUs, nodes: 2, gpusPerNode: 2,
                speed: 10))
        for target in served.host.targets {
            let (status, body, contentType) = try await served.get(target.path)
            #expect(status == 200, "\(target.path)")
            #expect(contentType == SimulationHost.expositionContentType)
            let page = ExpositionParser.parse(body)
            #expect(page.errorCount == 0 && page.sampleCount > 40, "\(target.path)")
        }
        let (status, body, contentType) = try await served.get("/targets.json")
        #expect(status == 200 && contentType == "application/json")
        let groups = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [[String: Any]])
        #expect(groups.count == served.host.targets.count)
        let labels = try #require(groups.first?["labels"] as? [String: String])
        #expect(labels["__metrics_path__"] == served.host.targets[0].path)
        #expect((groups.first?["targets"] as? [String]) == [served.address])
        #expect(try await served.get("/nowhere").status == 404)
        await served.stop()
    }

    @Test func virtualTimeFollowsRealTimeTimesSpeed() async throws {
        let served = try await ServedSimulation(
            SimulationOptions(
                scenario: .steady, nodes: 1, gpusPerNode: 1,
                speed: 60))
        let start = served.host.snapshot().nowMs
        let moved = await Polling.until(timeout: .seconds(10)) { served.host.snapshot().nowMs - start >= 30_000 }
        #expect(moved, "at 60× virtual time should pass 30 s within about half a real second")
        let (_, body, _) = try await served.get("/node-00/vllm-0/metrics")
        #expect(PageReader(body).value("vllm:generation_tokens_total")! > 0)
        await served.stop()
    }

    @Test func aTargetThatIsDownInTheScenarioAnswers503() async throws {
        // cold-start: node-00's second instance starts at 20 s of virtual time. At 0.001× a busy test machine
        // cannot get there before the request.
        let served = try await ServedSimulation(
            SimulationOptions(
                scenario: .coldStart, nodes: 1, gpusPerNode: 2,
                speed: 0.001))
        let (status, body, _) = try await served.get("/node-00/vllm-1/metrics")
        #expect(status == 503)
        let reason = String(decoding: body, as: UTF8.self)
        #expect(reason.contains("not-started"), "\(reason)")
        #expect(try await served.get("/node-00/vllm-0/metrics").status == 200)
        await served.stop()
    }
}
