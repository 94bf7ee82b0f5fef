import ClusterModel
import Ingest
import Pipeline
import Simulator
import Testing

/// The simulator is a Kubernetes cluster as far as joins go: dcgm-exporter names the pod and container of the
/// engine on each GPU, and service discovery gives each engine its pod, so every engine is joined to exactly its
/// own GPUs (not to all of its node's), live, through file_sd, and in the configuration's `instance_gpus`.
@Suite struct SimulatedPodJoinTests {
    static func pipeline(
        configuration: ModelConfiguration = ModelConfiguration(), scenario: Scenario = .steady, seconds: Int = 3
    ) -> ClusterPipeline {
        var simulator = ClusterSimulator(options: SimulationOptions(scenario: scenario, seed: 3))
        var pipeline = ClusterPipeline(model: configuration)
        for _ in 0..<seconds {
            simulator.advance(byMs: 1000)
            for result in SimulatorSource.scrapes(of: simulator) { pipeline.ingest(result) }
            pipeline.frame()
        }
        return pipeline
    }

    @Test func everyEngineIsJoinedToTheGPUsOfItsPod() throws {
        let snapshot = Self.pipeline().latest
        #expect(!snapshot.instances.isEmpty)
        for instance in snapshot.instances {
            #expect(instance.gpuJoin == .pod, "\(instance.id) joined by \(instance.gpuJoin)")
            let gpus = instance.gpuIDs.compactMap { id in snapshot.gpus.first { $0.id == id } }
            #expect(!gpus.isEmpty && gpus.allSatisfy { $0.node == instance.node && $0.instanceIDs == [instance.id] })
        }
        // A GPU used by no engine has none; each used GPU has exactly one.
        let used = Set(snapshot.instances.flatMap(\.gpuIDs))
        #expect(snapshot.gpus.allSatisfy { used.contains($0.id) == !$0.instanceIDs.isEmpty })
        #expect(snapshot.gpus.allSatisfy { $0.instanceIDs.count <= 1 })
    }

    /// Cold start: engines still loading (answering with no metrics) or not yet started (refusing connections)
    /// are shown by their targets, and joined through their pods like the serving ones: each GPU has only its own
    /// engine, not every engine of its node.
    @Test func enginesThatDoNotServeYetAreJoinedToTheGPUsOfTheirPods() throws {
        let snapshot = Self.pipeline(scenario: .coldStart, seconds: 70).latest
        let waiting = snapshot.instances.filter { $0.state == .unreachable || $0.state == .loading }
        #expect(waiting.contains { $0.state == .unreachable } && waiting.contains { $0.state == .loading })
        for instance in snapshot.instances {
            #expect(instance.gpuJoin == .pod, "\(instance.id) (\(instance.state)) joined by \(instance.gpuJoin)")
        }
        #expect(snapshot.gpus.allSatisfy { $0.instanceIDs.count == 1 }, "\(snapshot.gpus.map(\.instanceIDs))")
    }

    @Test func theFileSDListingGivesEachEngineItsPod() throws {
        let simulator = ClusterSimulator(options: SimulationOptions(scenario: .steady, seed: 3))
        let json = String(decoding: FileSD.json(targets: simulator.targets, address: "127.0.0.1:9"), as: UTF8.self)
        let engines = simulator.targets.filter { $0.kind == .engine }
        #expect(engines.allSatisfy { json.contains("\"pod\": \"\($0.pod ?? "?")\"") })
        #expect(json.components(separatedBy: "\"namespace\": \"\(SimTarget.namespace)\"").count - 1 == engines.count)
    }

    @Test func instanceGPUsInTheConfigurationWinOverThePod() throws {
        var ingest = IngestConfiguration(targets: [])
        ingest.instanceGPUs = ["sim://node-00/vllm-0": ["2", "3"]]
        let snapshot = Self.pipeline(configuration: ingest.modelConfiguration).latest
        let instance = try #require(snapshot.instances.first { $0.target == "sim://node-00/vllm-0" })
        #expect(instance.gpuJoin == .configuration)
        let indices = instance.gpuIDs.compactMap { id in snapshot.gpus.first { $0.id == id }?.index }
        #expect(indices == [2, 3])
        #expect(snapshot.notes.allSatisfy { !$0.contains("instance_gpus") })
    }
}
