/// One GPU model (L4, H100, …) across the cluster: GPUs are not fungible, so throughput is shown per GPU
/// and per watt for each type.
package struct GPUTypeAggregate: Sendable, Hashable, Codable, Identifiable {
    /// The `modelName` of the GPUs, or "unknown".
    package var modelName: String
    package var count: Int
    /// Mean used/total VRAM (0–1) over the GPUs that report both.
    package var meanVRAMFraction: Double?
    package var meanUtilization: Double?
    /// Total power of these GPUs.
    package var powerWatts: Double?
    /// Generation tokens/s of the instances joined to these GPUs, divided by the number of GPUs.
    package var generationTokensPerSecondPerGPU: Double?
    /// Generation tokens/s per watt drawn by these GPUs.
    package var generationTokensPerWatt: Double?
    /// TTFT p95 merged from the bucket deltas of the instances on these GPUs.
    package var ttftP95: Double?
    /// True when `ttftP95` is interpolated from instances whose buckets differ (`Quantiles.interpolated`).
    package var ttftP95Interpolated = false

    package var id: String { modelName }

    package init(
        modelName: String, count: Int = 0, meanVRAMFraction: Double? = nil, meanUtilization: Double? = nil,
        powerWatts: Double? = nil, generationTokensPerSecondPerGPU: Double? = nil,
        generationTokensPerWatt: Double? = nil, ttftP95: Double? = nil
    ) {
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
