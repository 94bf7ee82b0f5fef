/// Cluster-wide sums and merged latency: the dashboard header. Sums are nil when no part reports the value.
package struct ClusterTotals: Sendable, Hashable, Codable {
    /// Every GPU known, stale ones (their exporter's last scrape failed) included.
    package var gpuCount: Int
    /// The GPUs whose exporter answered its last scrape: the ones the VRAM, utilization and power totals are
    /// over, so a count and a total shown together always agree.
    package var reportingGPUCount: Int
    package var instanceCount: Int
    package var vramUsedBytes: Double?
    package var vramTotalBytes: Double?
    /// Mean GPU utilization (0–1) over the GPUs that report it.
    package var meanUtilization: Double?
    package var powerWatts: Double?
    package var promptTokensPerSecond: Double?
    package var generationTokensPerSecond: Double?
    package var requestsPerSecond: Double?
    package var running: Double?
    package var waiting: Double?
    /// TTFT over every instance, from their merged bucket deltas (interpolated from the mixture, with a note, when
    /// boundaries differ).
    package var ttft: Quantiles
    package var itl: Quantiles
    package var e2e: Quantiles

    /// `reportingGPUCount` defaults to `gpuCount` (every GPU reporting).
    package init(
        gpuCount: Int = 0, reportingGPUCount: Int? = nil, instanceCount: Int = 0, vramUsedBytes: Double? = nil,
        vramTotalBytes: Double? = nil, meanUtilization: Double? = nil, powerWatts: Double? = nil,
        promptTokensPerSecond: Double? = nil, generationTokensPerSecond: Double? = nil,
        requestsPerSecond: Double? = nil, running: Double? = nil, waiting: Double? = nil,
        ttft: Quantiles = .none, itl: Quantiles = .none, e2e: Quantiles = .none
    ) {
        self.gpuCount = gpuCount
        self.reportingGPUCount = reportingGPUCount ?? gpuCount
        self.instanceCount = instanceCount
        self.vramUsedBytes = vramUsedBytes
        self.vramTotalBytes = vramTotalBytes
        self.meanUtilization = meanUtilization
        self.powerWatts = powerWatts
        self.promptTokensPerSecond = promptTokensPerSecond
        self.generationTokensPerSecond = generationTokensPerSecond
        self.requestsPerSecond = requestsPerSecond
        self.running = running
        self.waiting = waiting
        self.ttft = ttft
        self.itl = itl
        self.e2e = e2e
    }

    /// Used / total VRAM (0–1) of the whole cluster.
    package var vramFraction: Double? {
        guard let used = vramUsedBytes, let total = vramTotalBytes, total > 0 else { return nil }
        return used / total
    }
}
