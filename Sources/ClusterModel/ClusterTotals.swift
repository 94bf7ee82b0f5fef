/// Cluster-wide sums and merged latency: the dashboard header. Sums are nil when no part reports the value.
public struct ClusterTotals: Sendable, Hashable, Codable {
    /// Every GPU known, stale ones (their exporter's last scrape failed) included.
    public var gpuCount: Int
    /// The GPUs whose exporter answered its last scrape: the ones the VRAM, utilization and power totals are
    /// over, so a count and a total shown together always agree.
    public var reportingGPUCount: Int
    public var instanceCount: Int
    public var vramUsedBytes: Double?
    public var vramTotalBytes: Double?
    /// Mean GPU utilization (0–1) over the GPUs that report it.
    public var meanUtilization: Double?
    public var powerWatts: Double?
    public var promptTokensPerSecond: Double?
    public var generationTokensPerSecond: Double?
    public var requestsPerSecond: Double?
    public var running: Double?
    public var waiting: Double?
    /// TTFT over every instance, from their merged bucket deltas (interpolated from the mixture, with a note, when
    /// boundaries differ).
    public var ttft: Quantiles
    public var itl: Quantiles
    public var e2e: Quantiles

    /// `reportingGPUCount` defaults to `gpuCount` (every GPU reporting).
    public init(gpuCount: Int = 0, reportingGPUCount: Int? = nil, instanceCount: Int = 0, vramUsedBytes: Double? = nil,
                vramTotalBytes: Double? = nil, meanUtilization: Double? = nil, powerWatts: Double? = nil,
                promptTokensPerSecond: Double? = nil, generationTokensPerSecond: Double? = nil,
                requestsPerSecond: Double? = nil, running: Double? = nil, waiting: Double? = nil,
                ttft: Quantiles = .none, itl: Quantiles = .none, e2e: Quantiles = .none) {
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
    public var vramFraction: Double? {
        guard let used = vramUsedBytes, let total = vramTotalBytes, total > 0 else { return nil }
        return used / total
    }
}
