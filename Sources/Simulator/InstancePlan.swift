/// How one engine instance is deployed: model, engine, GPUs of its node, and when it is started.
package struct InstancePlan: Sendable, Hashable {
    package var model: ModelSpec
    package var engine: EngineKind
    /// Indices of the node's GPUs it is tensor parallel over.
    package var gpuIndices: [Int]
    /// Virtual ms after the scenario start at which it begins loading; nil: already serving at the start.
    package var startAtMs: Int64?
    /// vLLM's `gpu_memory_utilization`: the share of each GPU the instance reserves for weights and KV cache.
    package var gpuMemoryUtilization: Double = 0.9
    package var maxNumSeqs: Int = 256
    package var maxNumBatchedTokens: Int = 8192

    package var tensorParallel: Int { gpuIndices.count }
}
