/// All the instances serving one model behind one round-robin balancer, and the traffic sent to them.
struct Deployment: Sendable {
    let model: ModelSpec
    /// Indices into the simulator's instance list.
    let instances: [Int]
    /// Requests per second the planned instances sustain together, for the workload's load fraction.
    let capacity: Double
    var random: SimRandom
    var cursor = 0

    /// Draws one request arriving at `arrivalMs`.
    mutating func drawRequest(arrivalMs: Double, workload: Workload) -> SimRequest {
        var prompt = Int(random.logNormal(median: workload.promptMedian, sigma: workload.promptSigma).rounded())
        var group = -1
        if random.chance(workload.prefixShare) {
            group = Int(random.unit() * Double(workload.prefixGroups))
            prompt = max(prompt, workload.prefixTokens + 16)
        }
        prompt = min(max(prompt, 8), model.maxModelLen / 2)
        let wanted = max(1, Int(random.logNormal(median: workload.outputMedian, sigma: workload.outputSigma)))
        let limit = min(workload.maxTokens, model.maxModelLen - prompt)
        return SimRequest(
            arrivalMs: arrivalMs, promptTokens: prompt, outputTokens: min(wanted, limit),
            stopsAtLength: wanted >= limit, prefixGroup: group)
    }

    /// The next serving instance in round-robin order, or nil when none serves (the balancer answers 503).
    mutating func route(serving: (Int) -> Bool) -> Int? {
        for _ in 0..<instances.count {
            let candidate = instances[cursor % instances.count]
            cursor = (cursor + 1) % instances.count
            if serving(candidate) { return candidate }
        }
        return nil
    }
}
