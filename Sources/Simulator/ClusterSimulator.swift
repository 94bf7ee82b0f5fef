import Exposition

/// The built-in cluster: a seeded, deterministic simulation of GPUs, engine instances, traffic and faults in
/// virtual time, read through the same exposition pages a real cluster serves.
///
/// A value type: copy it to fork a run. Nothing inside reads a clock or a global random source, so the same
/// options and the same calls give byte-identical pages.
package struct ClusterSimulator: Sendable {
    package let options: SimulationOptions
    package let targets: [SimTarget]
    /// Virtual time, ms since the Unix epoch (starts at `SimulationOptions.epochMs`).
    package internal(set) var nowMs: Int64

    let nodes: [NodePlan]
    let workload: Workload
    let faults: [FaultEvent]
    var nodeUp: [Bool]
    var nodeGPUs: [[Int]] = []
    /// Each node's DCGM page laid out (see `PageSink`): its GPUs and their labels never change.
    let dcgmTemplates: [ExpositionTemplate]
    var gpus: [GPUDevice] = []
    var instances: [EngineInstance] = []
    var deployments: [Deployment] = []
    var nextFault = 0
    var faultCycleStartMs: Int64 = 0
    /// Recoveries due later: a node coming back, a GPU cooling down.
    var timers: [(atMs: Int64, recovery: Recovery)] = []

    enum Recovery: Sendable {
        case nodeUp(Int)
        case cooled(gpu: Int)
    }

    package init(options: SimulationOptions) {
        self.options = options
        nowMs = SimulationOptions.epochMs
        nodes = options.scenario.plan(nodes: options.resolvedNodes, gpusPerNode: options.resolvedGPUsPerNode)
        workload = options.scenario.workload
        faults = options.scenario.faults(nodes: nodes)
        nodeUp = Array(repeating: true, count: nodes.count)
        var targets: [SimTarget] = []
        for (nodeIndex, node) in nodes.enumerated() {
            var indices: [Int] = []
            for local in 0..<node.gpuCount {
                indices.append(gpus.count)
                gpus.append(
                    GPUDevice(
                        spec: node.gpu, localIndex: local, seed: options.seed,
                        stream: UInt64(1_000_000 + gpus.count)))
            }
            nodeGPUs.append(indices)
            for (slot, plan) in node.instances.enumerated() {
                let slug = plan.engine.rawValue + "-" + String(slot)
                // Already serving when the story starts (no start time): started an hour before, counters from zero.
                let serving = plan.startAtMs == nil
                var instance = EngineInstance(
                    node: nodeIndex, slug: slug, plan: plan,
                    gpuIndices: plan.gpuIndices.map { indices[$0] }, gpu: node.gpu,
                    workload: workload, processStartMs: serving ? nowMs - 3_600_000 : 0)
                instance.keepsCohort = options.keepsDecodeCohort
                if serving {
                    instance.phase = .ready
                    instance.clockMs = Double(nowMs)
                }
                let target = SimTarget(
                    id: "sim://\(node.name)/\(slug)", path: "/\(node.name)/\(slug)/metrics",
                    node: node.name, kind: .engine, engine: plan.engine, nodeIndex: nodeIndex,
                    instanceIndex: instances.count)
                for gpu in instance.gpuIndices { gpus[gpu].pod = target.pod.map { ($0, plan.engine.rawValue) } }
                targets.append(target)
                instances.append(instance)
            }
            targets.append(
                SimTarget(
                    id: "sim://\(node.name)/dcgm", path: "/\(node.name)/dcgm/metrics",
                    node: node.name, kind: .dcgm, engine: nil, nodeIndex: nodeIndex,
                    instanceIndex: nil))
        }
        self.targets = targets
        dcgmTemplates = zip(nodes, nodeGPUs).map { [gpus] node, indices in
            ExpositionTemplate.layOut { DCGMPage.describe(gpus, indices, hostname: node.name, &$0) }
        }
        deployments = Self.makeDeployments(instances: instances, workload: workload, seed: options.seed)
    }

    private static func makeDeployments(
        instances: [EngineInstance], workload: Workload,
        seed: UInt64
    ) -> [Deployment] {
        var names: [String] = []
        for instance in instances where !names.contains(instance.plan.model.name) {
            names.append(instance.plan.model.name)
        }
        return names.enumerated().map { offset, name in
            let members = instances.indices.filter { instances[$0].plan.model.name == name }
            let capacity = members.reduce(0.0) { total, index in
                let instance = instances[index]
                return total
                    + instance.cost.capacity(
                        requestsFor: workload,
                        kvTokens: instance.kvBlocks * EngineInstance.blockSize,
                        maxNumSeqs: instance.plan.maxNumSeqs)
            }
            return Deployment(
                model: instances[members[0]].plan.model, instances: members, capacity: capacity,
                random: SimRandom(seed: seed, stream: UInt64(offset + 1)))
        }
    }

    /// Virtual ms since the scenario started.
    package var elapsedMs: Int64 { nowMs - SimulationOptions.epochMs }

    /// The scenario's name and what it shows.
    package var scenarioDescription: String {
        "\(options.scenario.rawValue): \(options.scenario.summary) "
            + "(\(nodes.count) nodes × \(options.resolvedGPUsPerNode) GPUs, \(instances.count) instances, "
            + "seed \(options.seed))"
    }

    /// Runs the simulation forward by `ms` of virtual time.
    package mutating func advance(byMs ms: Int64) {
        advance(toMs: nowMs + ms)
    }

    /// Runs the simulation forward to virtual time `target` (ms since the Unix epoch); earlier times are no-ops.
    package mutating func advance(toMs target: Int64) {
        while nowMs < target {
            tick(lengthMs: min(options.stepMs, target - nowMs))
        }
    }

    /// Whether a target answers now, and if not, why.
    package func status(of target: SimTarget) -> SimTargetStatus {
        guard nodeUp[target.nodeIndex] else { return .nodeDown }
        guard let index = target.instanceIndex else { return .up }
        switch instances[index].phase {
        case .ready: return .up
        case .absent: return .notStarted
        case .loading: return .loading
        case .starting: return .starting
        case .crashed: return .crashed
        }
    }

    /// The page the target serves now, or nil when it would not answer (node down, process not serving).
    package func page(for target: SimTarget) -> [UInt8]? {
        guard status(of: target) == .up else { return nil }
        if let index = target.instanceIndex { return instances[index].page() }
        return dcgmTemplates[target.nodeIndex].render {
            DCGMPage.describe(gpus, nodeGPUs[target.nodeIndex], hostname: target.node, &$0)
        }
    }
}
