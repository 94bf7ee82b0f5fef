#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A named situation to simulate: the cluster's layout, the traffic it gets and the faults it suffers.
package enum Scenario: String, Sendable, Hashable, CaseIterable {
    case steady
    case diurnal
    case burst
    case coldStart = "cold-start"
    case kvPressure = "kv-pressure"
    case mixedGPUs = "mixed-gpus"
    case failure

    /// One paragraph for `--help`, the README and the dashboard's title bar.
    package var summary: String {
        switch self {
        case .steady:
            return "H100 nodes serving Llama-3.1-8B, Qwen2.5-32B (TP2) and Llama-3.1-70B (TP4) at a constant 55 % of capacity."
        case .diurnal:
            return "The steady fleet under a 24-hour day: a night trough at 15 % of capacity, a mid-afternoon peak near 95 %."
        case .burst:
            return
                "The steady fleet at 40 %, hit every 10 minutes by a 2-minute burst at 160 %: queues, TTFT and preemptions spike."
        case .coldStart:
            return
                "Scale-out under rising load: half the instances serve, the rest start one by one and load their weights (minutes for 70B) while load climbs from 25 % to 110 %."
        case .kvPressure:
            return
                "L40S nodes with long prompts and long answers at 120 % of capacity: KV cache full, requests preempted and queued."
        case .mixedGPUs:
            return
                "Llama-3.1-8B on H100 and on A10G nodes side by side behind one round-robin balancer; every other instance is SGLang."
        case .failure:
            return
                "The steady fleet at 60 % with a fault every few minutes: engine crash and restart, thermal straggler, node down, OOM restart."
        }
    }

    /// Node and GPU counts used when the options leave them out.
    package var defaultNodes: Int { 4 }
    package var defaultGPUsPerNode: Int { 4 }

    /// Where the instances go on `nodes` nodes of `gpusPerNode` GPUs.
    func plan(nodes: Int, gpusPerNode: Int) -> [NodePlan] {
        (0..<nodes).map { index in
            let name = "node-" + (index < 10 ? "0" : "") + String(index)
            let gpu = gpuKind(node: index)
            let instances = placement(node: index, gpu: gpu, gpus: gpusPerNode)
            return NodePlan(name: name, gpu: gpu, gpuCount: gpusPerNode, instances: instances)
        }
    }

    private func gpuKind(node: Int) -> GPUSpec {
        switch self {
        case .kvPressure: return .l40s
        case .mixedGPUs: return node % 2 == 0 ? .h100 : .a10g
        default: return .h100
        }
    }

    /// The model rotation of a node: the first one that fits its GPUs, tried in the scenario's order.
    private func placement(node: Int, gpu: GPUSpec, gpus: Int) -> [InstancePlan] {
        let rotation: [(ModelSpec, Int)]
        switch self {
        case .mixedGPUs:
            rotation = [(.llama31_8B, 1)]
        case .kvPressure:
            rotation = node % 2 == 0 ? [(.llama31_8B, 1)] : [(.qwen25_32B, 2), (.llama31_8B, 1)]
        default:
            let all: [(ModelSpec, Int)] = [(.llama31_8B, 1), (.llama31_70B, 4), (.qwen25_32B, 2)]
            rotation = Array(all[(node % 3)...] + all[..<(node % 3)])
        }
        guard let (model, tp) = rotation.first(where: { $0.1 <= gpus && fits($0.0, tp: $0.1, on: gpu) }) else {
            return []
        }
        let count = gpus / tp
        return (0..<count).map { slot in
            var plan = InstancePlan(
                model: model, engine: .vllm,
                gpuIndices: Array((slot * tp)..<((slot + 1) * tp)), startAtMs: nil)
            if self == .mixedGPUs && slot % 2 == 1 { plan.engine = .sglang }
            if self == .coldStart && (node + slot) % 2 == 1 {
                // The second wave starts one instance every 90 s from 20 s on, while the load climbs.
                plan.startAtMs = Int64(20_000 + 90_000 * ((node * count + slot) / 2))
            }
            return plan
        }
    }

    private func fits(_ model: ModelSpec, tp: Int, on gpu: GPUSpec) -> Bool {
        let perGPU = gpu.usableBytes * 0.9 - model.weightBytes / Double(tp) - EngineCostModel.activationBytes
        return perGPU * Double(tp) / model.kvBytesPerToken >= Double(model.maxModelLen) / 4
    }

    /// The traffic of the scenario.
    var workload: Workload {
        switch self {
        case .steady:
            return .chat { _ in 0.55 }
        case .mixedGPUs:
            // Half the traffic goes to the A10Gs whatever their speed: enough to overload them, not the H100s.
            return .chat { _ in 0.45 }
        case .failure:
            return .chat { _ in 0.6 }
        case .diurnal:
            // Trough at 04:00, peak at 16:00 of the virtual day (the epoch starts at midnight).
            return .chat { ms in
                let hours = Double(ms) / 3_600_000
                return 0.55 - 0.4 * cos(2 * Double.pi * (hours - 4) / 24)
            }
        case .burst:
            return .chat { ms in
                let inCycle = ms % 600_000
                return inCycle >= 300_000 && inCycle < 420_000 ? 1.6 : 0.4
            }
        case .coldStart:
            return .chat { ms in 0.25 + 0.85 * min(1, Double(ms) / 900_000) }
        case .kvPressure:
            return .longContext { _ in 1.2 }
        }
    }

    /// The faults of the scenario, one cycle of `faultCycleMs`, repeated for as long as the run lasts.
    func faults(nodes: [NodePlan]) -> [FaultEvent] {
        guard self == .failure, !nodes.isEmpty else { return [] }
        let count = nodes.count
        func instanceNode(_ preferred: Int) -> Int {
            (0..<count).map { (preferred + $0) % count }.first { !nodes[$0].instances.isEmpty } ?? 0
        }
        return [
            FaultEvent(atMs: 60_000, kind: .crash(node: instanceNode(0), instance: 0, restartMs: 20_000)),
            FaultEvent(
                atMs: 180_000,
                kind: .thermalThrottle(
                    node: count - 1, gpu: 0, factor: 0.55,
                    durationMs: 360_000)),
            FaultEvent(atMs: 300_000, kind: .nodeDown(node: 1 % count, durationMs: 120_000)),
            FaultEvent(
                atMs: 540_000,
                kind: .outOfMemory(
                    node: instanceNode(2 % count), instance: 0,
                    restartMs: 10_000)),
        ]
    }

    /// The length of one fault cycle.
    var faultCycleMs: Int64 { 720_000 }
}
