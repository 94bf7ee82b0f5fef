/// A shortcut through runs of identical decode steps: while every running request is decoding, nothing waits
/// and no request arrives, each step adds one token per request and only the growing context changes the
/// step's price. Those steps are priced one by one but applied to the batch once, through the decode cohort
/// (`DecodeCohort`), which is what makes an hour of a busy cluster cheap to simulate. The result is the same as
/// stepping one at a time.
extension EngineInstance {
    /// The most steps applied at once; bounds the error of a horizon that moves (none today) and the loop below.
    static let maxDecodeRun = 64

    /// Runs up to `maxDecodeRun` pure decode steps ending by `horizon`; false when the shortcut does not
    /// apply (the caller then takes one ordinary step).
    mutating func decodeRun(horizon: Double) -> Bool {
        guard waitingCount == 0, !running.isEmpty else { return false }
        var remaining = cohort.nextFinish == .max ? Int.max : cohort.nextFinish - cohort.clock
        var context = cohort.computedTokens
        for request in running[cohort.count...] {
            guard request.generated > 0, request.pendingTokens == 1 else { return false }
            remaining = min(remaining, request.outputTokens - request.generated)
            context += request.computedTokens
        }
        let width = running.count
        var steps: [Double] = []
        var total = 0.0
        var memory = 0.0
        var compute = 0.0
        while steps.count < min(remaining, Self.maxDecodeRun) && clockMs + total < horizon {
            let price = cost.step(tokens: width, contextTokens: context + steps.count * width, throttle: throttle)
            steps.append(price.totalMs)
            total += price.totalMs
            memory += price.memoryMs
            compute += price.computeMs
        }
        let count = steps.count
        guard count >= 2 else { return false }
        var needed = cohort.blocksNeeded(steps: count)
        for request in running[cohort.count...] {
            needed += request.blocksToCompute(count)
        }
        guard needed <= freeBlocks else { return false }

        clockMs += total
        tickTime += StepTime(busyMs: total, memoryMs: memory, computeMs: compute)
        let tokens = Double(count * width)
        metrics.generationTokens += tokens
        tickGenerated += tokens
        metrics.iterationTokens.observe(Double(width), times: Double(count))
        for stepMs in steps { metrics.interTokenLatency.observe(stepMs / 1000, times: Double(width)) }
        usedBlocks += needed
        enlistAllRunning()
        cohort.advance(steps: count, endingAtMs: clockMs)
        retireFinished()
        return true
    }
}
