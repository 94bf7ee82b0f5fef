/// Continuous batching, as vLLM V1 schedules it: running requests first (decode one token, or the next chunk
/// of a prefill), preempting the newest when the KV cache runs out; then waiting requests while the token
/// budget, `max_num_seqs` and free KV blocks allow.
extension EngineInstance {
    static func blocks(for tokens: Int) -> Int { (tokens + blockSize - 1) / blockSize }

    /// Runs engine steps until the engine clock passes `end` or there is nothing to do.
    mutating func runSteps(until end: Double) {
        while clockMs < end {
            admitArrivals()
            if running.isEmpty && waitingCount == 0 {
                guard inboxHead < inbox.count else {
                    clockMs = end
                    break
                }
                clockMs = max(clockMs, inbox[inboxHead].arrivalMs)
                continue
            }
            let horizon = inboxHead < inbox.count ? min(end, inbox[inboxHead].arrivalMs) : end
            if decodeRun(horizon: horizon) {
                if !keepsCohort { dissolveCohort() }
                continue
            }
            if !step() {
                // Nothing fits (a request larger than the whole cache): wait for the next tick.
                clockMs = end
            }
        }
        if inboxHead == inbox.count {
            inbox.removeAll(keepingCapacity: true)
            inboxHead = 0
        }
        // An emptied queue starts again at the front, so a queue that drains every tick never grows: kept
        // until 256 had been served, the 38 queues at 64 GPUs held 1.8 MiB of served requests.
        if waitingHead == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            waitingHead = 0
        } else if waitingHead > 256 && waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }

    private mutating func admitArrivals() {
        while inboxHead < inbox.count && inbox[inboxHead].arrivalMs <= clockMs {
            waiting.append(inbox[inboxHead])
            inboxHead += 1
        }
    }

    /// One engine step; false when nothing could be scheduled. The decode cohort's members are scheduled as one
    /// (one token each, in their order, before the requests after them) when the step fits them all; otherwise
    /// the cohort dissolves and every request is scheduled on its own.
    private mutating func step() -> Bool {
        var budget = plan.maxNumBatchedTokens
        if cohort.count > 0 && !cohortStepFits(budget: budget) { dissolveCohort() }
        let members = cohort.count
        var scheduled = members
        var context = cohort.computedTokens
        var preempted = false
        usedBlocks += cohort.blocksNeeded(steps: 1)
        budget -= members
        stepTokens.removeAll(keepingCapacity: true)
        stepTokens.append(contentsOf: repeatElement(0, count: running.count - members))

        var index = members
        while index < running.count && budget > 0 {
            let tokens = min(running[index].pendingTokens, budget)
            let needed = running[index].blocksToCompute(tokens)
            var selfPreempted = false
            while needed > freeBlocks {
                let victim = running.count - 1
                preemptLast()
                preempted = true
                if victim == index {
                    selfPreempted = true
                    break
                }
            }
            if selfPreempted { break }
            running[index].blocks += needed
            usedBlocks += needed
            context += running[index].computedTokens
            stepTokens[index - members] = tokens
            budget -= tokens
            scheduled += tokens
            index += 1
        }

        // vLLM admits nothing new in a step that had to preempt.
        while !preempted && budget > 0 && running.count < plan.maxNumSeqs, var request = peekWaiting() {
            if request.firstScheduledMs < 0 { lookUpPrefix(&request) }
            let tokens = min(request.pendingTokens, budget)
            let needed = Self.blocks(for: request.computedTokens + tokens)
            if needed > freeBlocks { break }
            popWaiting()
            if request.firstScheduledMs < 0 {
                request.firstScheduledMs = clockMs
                metrics.queueTime.observe((clockMs - request.arrivalMs) / 1000)
            }
            request.blocks = needed
            usedBlocks += needed
            context += request.computedTokens
            running.append(request)
            stepTokens.append(tokens)
            budget -= tokens
            scheduled += tokens
        }
        guard scheduled > 0 else { return false }

        let stepStart = clockMs
        let price = cost.step(tokens: scheduled, contextTokens: context, throttle: throttle)
        clockMs += price.totalMs
        tickTime += StepTime(busyMs: price.totalMs, memoryMs: price.memoryMs, computeMs: price.computeMs)
        metrics.iterationTokens.observe(Double(scheduled))
        finishStep(startedAt: stepStart, stepMs: price.totalMs)
        if kvUsage > 0.97 {
            // The prefix cache's blocks are the first to be evicted when the cache is full.
            for group in prefixWarm.indices { prefixWarm[group] = false }
        }
        return true
    }

    /// Applies a step's computed tokens: samples tokens, records latencies, retires finished requests, and takes
    /// the requests that now only decode into the cohort.
    private mutating func finishStep(startedAt stepStart: Double, stepMs: Double) {
        // The cohort's members each decoded one token, their last one at the step's start.
        let members = cohort.count
        cohort.advance(steps: 1, endingAtMs: clockMs)
        // Work on the batch outside `self`, so the loop touches a uniquely held array.
        var batch = running
        running = []
        var decoded = Double(members)
        var sampled = Double(members)
        for index in members..<batch.count {
            let tokens = stepTokens[index - members]
            if tokens > 0 {
                batch[index].computedTokens += tokens
                if batch[index].pendingTokens == 0 {
                    batch[index].generated += 1
                    sampled += 1
                    if batch[index].firstTokenMs < 0 {
                        recordFirstToken(&batch[index])
                    } else if batch[index].lastTokenMs == stepStart {
                        decoded += 1
                    } else {
                        metrics.interTokenLatency.observe((clockMs - batch[index].lastTokenMs) / 1000)
                    }
                    batch[index].lastTokenMs = clockMs
                }
            }
        }
        running = consume batch
        retireFinished()
        joinCohort()
        metrics.generationTokens += sampled
        tickGenerated += sampled
        if decoded > 0 { metrics.interTokenLatency.observe(stepMs / 1000, times: decoded) }
    }

    private mutating func recordFirstToken(_ request: inout SimRequest) {
        request.firstTokenMs = clockMs
        metrics.timeToFirstToken.observe((clockMs - request.arrivalMs) / 1000)
        metrics.prefillTime.observe((clockMs - request.firstScheduledMs) / 1000)
        metrics.promptTokens += Double(request.promptTokens)
        metrics.promptTokensCacheHit += Double(request.cachedTokens)
        metrics.promptTokensComputed += Double(request.promptTokens - request.cachedTokens)
        if request.prefixGroup >= 0 { prefixWarm[request.prefixGroup] = true }
    }

    /// Retires the running requests that have all their tokens (the cohort's members first, as they come first),
    /// keeping the others in order.
    mutating func retireFinished() {
        // Work on the batch outside `self`, so the loop touches a uniquely held array.
        var batch = running
        running = []
        let members = cohort.count
        var kept = members
        // Through the buffer: a subscript of the array checks its uniqueness at every copy.
        batch.withUnsafeMutableBufferPointer { requests in
            if cohort.nextFinish <= cohort.clock {
                kept = 0
                var nextFinish = Int.max
                for index in 0..<members {
                    if requests[index].cohortFinish <= cohort.clock {
                        let done = cohort.caughtUp(requests[index])
                        cohort.release(done)
                        retire(done)
                    } else {
                        nextFinish = min(nextFinish, requests[index].cohortFinish)
                        if kept != index { requests[kept] = requests[index] }
                        kept += 1
                    }
                }
                cohort.nextFinish = nextFinish
            }
            for index in members..<requests.count {
                if requests[index].generated >= requests[index].outputTokens {
                    retire(requests[index])
                } else {
                    if kept != index { requests[kept] = requests[index] }
                    kept += 1
                }
            }
        }
        batch.removeLast(batch.count - kept)
        running = consume batch
    }

    private mutating func retire(_ request: SimRequest) {
        usedBlocks -= request.blocks
        let now = clockMs
        metrics.endToEnd.observe((now - request.arrivalMs) / 1000)
        metrics.inferenceTime.observe((now - request.firstScheduledMs) / 1000)
        metrics.decodeTime.observe((now - request.firstTokenMs) / 1000)
        if request.generated > 1 {
            metrics.timePerOutputToken.observe((now - request.firstTokenMs) / 1000 / Double(request.generated - 1))
        }
        metrics.requestPromptTokens.observe(Double(request.promptTokens))
        metrics.requestGenerationTokens.observe(Double(request.generated))
        metrics.finished[request.stopsAtLength ? 1 : 0] += 1
        metrics.requestsFinished += 1
    }

    /// The newest running request goes back to the front of the queue; its KV is dropped and recomputed later.
    private mutating func preemptLast() {
        assert(running.count > cohort.count, "a step that preempts dissolves the cohort first")
        var victim = running.removeLast()
        stepTokens.removeLast()
        usedBlocks -= victim.blocks
        victim.blocks = 0
        victim.computedTokens = 0
        victim.cachedTokens = 0
        resumed.append(victim)
        metrics.preemptions += 1
        tickPreemptions += 1
    }

    /// The first time a request is scheduled, its shared prefix is looked up in the prefix cache.
    private mutating func lookUpPrefix(_ request: inout SimRequest) {
        metrics.prefixQueries += Double(request.promptTokens)
        tickPrefixQueries += Double(request.promptTokens)
        guard request.prefixGroup >= 0, prefixWarm[request.prefixGroup] else { return }
        let cached = min(prefixTokens, request.promptTokens - 1) / Self.blockSize * Self.blockSize
        request.cachedTokens = cached
        request.computedTokens = cached
        metrics.prefixHits += Double(cached)
        tickPrefixHits += Double(cached)
    }

    private func peekWaiting() -> SimRequest? {
        if let last = resumed.last { return last }
        return waitingHead < waiting.count ? waiting[waitingHead] : nil
    }

    private mutating func popWaiting() {
        if !resumed.isEmpty {
            resumed.removeLast()
        } else {
            waitingHead += 1
        }
    }
}
