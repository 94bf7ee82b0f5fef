/// The roofline that prices one engine step: decode reads the weights and the batch's KV cache from memory,
/// prefill multiplies matrices, and the step takes whichever is longer plus a fixed scheduling overhead.
///
/// So a larger batch raises throughput (weights are read once for all of it) and inter-token latency together,
/// and the same model is slower on a GPU with less bandwidth or fewer FLOPS.
struct EngineCostModel: Sendable {
    /// Memory per GPU kept for activations, CUDA graphs and the NCCL buffers, outside weights and KV cache.
    static let activationBytes: Double = 1.5 * 1_073_741_824
    /// Share of peak bandwidth and of peak FLOPS a real engine reaches.
    static let bandwidthEfficiency = 0.8
    static let computeEfficiency = 0.5
    /// CPU-side scheduling and sampling per step, and the all-reduce cost per step under tensor parallelism.
    static let stepOverheadMs = 4.0
    static let tensorParallelOverheadMs = 1.5

    let model: ModelSpec
    let gpu: GPUSpec
    let tensorParallel: Int

    /// Seconds of memory traffic and of compute for one step, before throttling.
    struct StepCost {
        var memoryMs: Double
        var computeMs: Double
        var totalMs: Double
    }

    /// The cost of a step that computes `tokens` tokens while attending over `contextTokens` cached tokens.
    /// `throttle` (≤ 1) scales a thermally throttled GPU's bandwidth and FLOPS.
    func step(tokens: Int, contextTokens: Int, throttle: Double) -> StepCost {
        let tp = Double(tensorParallel)
        let bandwidth = gpu.memoryBandwidth * Self.bandwidthEfficiency * throttle * tp
        let flops = gpu.bf16Flops * Self.computeEfficiency * throttle * tp
        let bytes = model.weightBytes + Double(contextTokens) * model.kvBytesPerToken
        let memoryMs = bytes / bandwidth * 1000
        let computeMs = 2 * model.parameters * Double(tokens) / flops * 1000
        let overhead = Self.stepOverheadMs + (tensorParallel > 1 ? Self.tensorParallelOverheadMs : 0)
        return StepCost(memoryMs: memoryMs, computeMs: computeMs, totalMs: max(memoryMs, computeMs) + overhead)
    }

    /// KV capacity in tokens when each GPU reserves `utilization` of its usable memory.
    func kvCapacityTokens(utilization: Double) -> Int {
        let perGPU = gpu.usableBytes * utilization - model.weightBytes / Double(tensorParallel) - Self.activationBytes
        return max(0, Int(perGPU * Double(tensorParallel) / model.kvBytesPerToken))
    }

    /// Requests per second the instance sustains for a workload: the decode batch the KV cache and
    /// `maxNumSeqs` allow reads weights and KV once per step, while prefill and decode tokens share the
    /// compute; a request costs whichever of the two is the bottleneck, plus its share of step overheads.
    func capacity(requestsFor workload: Workload, kvTokens: Int, maxNumSeqs: Int) -> Double {
        let perRequest = workload.meanPrompt + workload.meanOutput
        let batch = max(1, min(Double(maxNumSeqs), Double(kvTokens) / perRequest * 0.8))
        let context = Int(batch * (workload.meanPrompt + workload.meanOutput / 2))
        let decode = step(tokens: Int(batch), contextTokens: context, throttle: 1)
        let steps = workload.meanOutput / batch
        let cached = workload.prefixShare * Double(workload.prefixTokens)
        let computed = workload.meanPrompt - cached + workload.meanOutput
        let computeMs = step(tokens: Int(computed), contextTokens: 0, throttle: 1).computeMs
        let msPerRequest = max(decode.memoryMs * steps, computeMs) + (decode.totalMs - decode.memoryMs) * steps
        return 1000 / msPerRequest
    }
}
