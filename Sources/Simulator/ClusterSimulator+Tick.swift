import Parallel

/// One tick of virtual time: faults and recoveries, then arrivals, then every instance, then every GPU.
extension ClusterSimulator {
    /// The fewest instances whose tick is spread over the machine's cores.
    static let sideBySideInstances = 128

    mutating func tick(lengthMs: Int64) {
        let start = nowMs
        let end = nowMs + lengthMs
        let elapsed = start - SimulationOptions.epochMs
        applyFaults(elapsed: elapsed)
        startScheduledInstances(elapsed: elapsed)
        routeArrivals(fromMs: start, toMs: end, elapsed: elapsed)
        for index in instances.indices {
            instances[index].throttle = instances[index].gpuIndices.map { gpus[$0].throttle }.min() ?? 1
        }
        // The instances are independent within a tick (their arrivals are routed, their clocks their own), so
        // a large cluster's run side by side on the machine's cores. A small one's tick is cheaper than waking
        // the other cores (64 GPUs: ~60 µs of work a tick; the dashboard at 1 Hz used 0.50 % of a core serial,
        // 0.53-0.57 % side by side, for the same first frame).
        if instances.count < Self.sideBySideInstances {
            for index in instances.indices { instances[index].advance(fromMs: Double(start), toMs: Double(end)) }
        } else {
            _ = SideBySide.map(&instances) { _, instance in instance.advance(fromMs: Double(start), toMs: Double(end)) }
        }
        updateGPUs(tickMs: Double(lengthMs))
        nowMs = end
    }

    private mutating func startScheduledInstances(elapsed: Int64) {
        for index in instances.indices where instances[index].phase == .absent && nodeUp[instances[index].node] {
            if let at = instances[index].plan.startAtMs, at <= elapsed {
                instances[index].start(atMs: Double(nowMs))
            }
        }
    }

    private mutating func routeArrivals(fromMs start: Int64, toMs end: Int64, elapsed: Int64) {
        let seconds = Double(end - start) / 1000
        let load = workload.load(elapsed) * options.loadScale
        let serving = instances.map(\.isServing)
        for index in deployments.indices {
            let expected = load * deployments[index].capacity * seconds
            let count = deployments[index].random.poisson(expected)
            guard count > 0 else { continue }
            var offsets = (0..<count).map { _ in deployments[index].random.unit() }
            offsets.sort()
            for offset in offsets {
                let arrival = Double(start) + offset * Double(end - start)
                let request = deployments[index].drawRequest(arrivalMs: arrival, workload: workload)
                if let target = deployments[index].route(serving: { serving[$0] }) {
                    instances[target].enqueue(request)
                }
            }
        }
    }

    private mutating func updateGPUs(tickMs: Double) {
        var loads = Array(repeating: GPUDevice.Load(), count: gpus.count)
        // By index: `for instance in instances` would copy every instance (a dozen arrays) each tick.
        for index in instances.indices {
            let loading =
                instances[index].phase == .loading
                ? EngineInstance.loadBytesPerSecond / Double(instances[index].plan.tensorParallel) : 0
            let memory = instances[index].memoryPerGPU
            for gpu in instances[index].gpuIndices {
                loads[gpu].time += instances[index].tickTime
                loads[gpu].usedBytes += memory
                loads[gpu].loadingBytesPerSecond += loading
            }
        }
        for index in gpus.indices {
            gpus[index].update(tickMs: tickMs, load: loads[index])
        }
    }

    /// Applies the scenario's faults due by `elapsed`, cycle after cycle, and the recoveries they scheduled.
    private mutating func applyFaults(elapsed: Int64) {
        while !faults.isEmpty && faultCycleStartMs + faults[nextFault].atMs <= elapsed {
            apply(faults[nextFault].kind)
            nextFault += 1
            if nextFault == faults.count {
                nextFault = 0
                faultCycleStartMs += options.scenario.faultCycleMs
            }
        }
        let due = timers.filter { $0.atMs <= nowMs }
        timers.removeAll { $0.atMs <= nowMs }
        for timer in due {
            switch timer.recovery {
            case .nodeUp(let node):
                nodeUp[node] = true
                for index in instances.indices where instances[index].node == node {
                    let scheduled = instances[index].plan.startAtMs ?? 0
                    if scheduled <= elapsed { instances[index].start(atMs: Double(nowMs)) }
                }
            case .cooled(let gpu):
                gpus[gpu].throttle = 1
            }
        }
    }

    private mutating func apply(_ kind: FaultEvent.Kind) {
        switch kind {
        case .crash(let node, let slot, let restartMs), .outOfMemory(let node, let slot, let restartMs):
            guard let index = instanceIndex(node: node, slot: slot), instances[index].phase != .absent else { return }
            var outOfMemory = false
            if case .outOfMemory = kind { outOfMemory = true }
            instances[index].crash(atMs: Double(nowMs), restartMs: restartMs, outOfMemory: outOfMemory)
        case .nodeDown(let node, let durationMs):
            guard node < nodes.count, nodeUp[node] else { return }
            nodeUp[node] = false
            for index in instances.indices where instances[index].node == node { instances[index].stop() }
            timers.append((nowMs + durationMs, .nodeUp(node)))
        case .thermalThrottle(let node, let local, let factor, let durationMs):
            guard node < nodes.count, local < nodeGPUs[node].count else { return }
            let gpu = nodeGPUs[node][local]
            gpus[gpu].throttle = factor
            timers.append((nowMs + durationMs, .cooled(gpu: gpu)))
        }
    }

    private func instanceIndex(node: Int, slot: Int) -> Int? {
        let onNode = instances.indices.filter { instances[$0].node == node }
        return slot < onNode.count ? onNode[slot] : nil
    }
}
