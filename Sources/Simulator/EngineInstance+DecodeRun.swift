/// A shortcut through runs of identical decode steps: while every running request is decoding, nothing waits
/// and no request arrives, each step adds one token per request and only the growing context changes the
/// step's price. Those steps are priced one by one but applied to the batch once, which is what makes an
/// hour of a busy cluster cheap to simulate. The result is the same as stepping one at a time.
extension EngineInstance {
    /// The most steps applied at once; bounds the error of a horizon that moves (none today) and the loop below.
    static let maxDecodeRun = 64

    /// Runs up to `maxDecodeRun` pure decode steps ending by `horizon`; false when the shortcut does not
    /// apply (the caller then takes one ordinary step).
    mutating func decodeRun(horizon: Double) -> Bool {
        guard waitingCount == 0, !running.isEmpty else { return false }
        var remaining = Int.max
        var context = 0
        for request in running {
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
        var needed = 0
        for request in running {
            needed += Self.blocks(for: request.computedTokens + count) - request.blocks
        }
        guard needed <= freeBlocks else { return false }

        clockMs += total
        tickBusyMs += total
        tickMemoryMs += memory
        tickComputeMs += compute
        let tokens = Double(count * width)
        metrics.generationTokens += tokens
        tickGenerated += tokens
        metrics.iterationTokens.observe(Double(width), times: Double(count))
        for stepMs in steps { metrics.interTokenLatency.observe(stepMs / 1000, times: Double(width)) }
        var batch = running
        running = []
        for index in batch.indices {
            let blocks = Self.blocks(for: batch[index].computedTokens + count)
            usedBlocks += blocks - batch[index].blocks
            batch[index].blocks = blocks
            batch[index].computedTokens += count
            batch[index].generated += count
            batch[index].lastTokenMs = clockMs
        }
        retireFinished(&batch)
        running = batch
        return true
    }
}
