/// How one engine instance is deployed: model, engine, GPUs of its node, and when it is started.
public struct InstancePlan: Sendable, Hashable {
    public var model: ModelSpec
    public var engine: EngineKind
    /// Indices of the node's GPUs it is tensor parallel over.
    public var gpuIndices: [Int]
    /// Virtual ms after the scenario start at which it begins loading; nil: already serving at the start.
    public var startAtMs: Int64?
    /// vLLM's `gpu_memory_utilization`: the share of each GPU the instance reserves for weights and KV cache.
    public var gpuMemoryUtilization: Double = 0.9
    public var maxNumSeqs: Int = 256
    public var maxNumBatchedTokens: Int = 8192

    public var tensorParallel: Int { gpuIndices.count }
}
