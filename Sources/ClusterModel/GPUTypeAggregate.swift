/// One GPU model (L4, H100, …) across the cluster: GPUs are not fungible, so throughput is shown per GPU
/// and per watt for each type.
public struct GPUTypeAggregate: Sendable, Hashable, Codable, Identifiable {
    /// The `modelName` of the GPUs, or "unknown".
    public var modelName: String
    public var count: Int
    /// Mean used/total VRAM (0–1) over the GPUs that report both.
    public var meanVRAMFraction: Double?
    public var meanUtilization: Double?
    /// Total power of these GPUs.
    public var powerWatts: Double?
    /// Generation tokens/s of the instances joined to these GPUs, divided by the number of GPUs.
    public var generationTokensPerSecondPerGPU: Double?
    /// Generation tokens/s per watt drawn by these GPUs.
    public var generationTokensPerWatt: Double?
    /// TTFT p95 merged from the bucket deltas of the instances on these GPUs.
    public var ttftP95: Double?
    /// True when `ttftP95` is interpolated from instances whose buckets differ (`Quantiles.interpolated`).
    public var ttftP95Interpolated = false

    public var id: String { modelName }

    public init(modelName: String, count: Int = 0, meanVRAMFraction: Double? = nil, meanUtilization: Double? = nil,
                powerWatts: Double? = nil, generationTokensPerSecondPerGPU: Double? = nil,
                generationTokensPerWatt: Double? = nil, ttftP95: Double? = nil) {
        self.modelName = modelName
        self.count = count
        self.meanVRAMFraction = meanVRAMFraction
        self.meanUtilization = meanUtilization
        self.powerWatts = powerWatts
        self.generationTokensPerSecondPerGPU = generationTokensPerSecondPerGPU
        self.generationTokensPerWatt = generationTokensPerWatt
        self.ttftP95 = ttftP95
    }
}
