/// Everything serving one model, summed: throughput, queue, and latency merged from bucket deltas.
public struct ModelAggregate: Sendable, Hashable, Codable, Identifiable {
    public var model: String
    public var instanceCount: Int
    /// GPUs joined to this model's instances.
    public var gpuCount: Int
    public var running: Double?
    public var waiting: Double?
    public var promptTokensPerSecond: Double?
    public var generationTokensPerSecond: Double?
    public var requestsPerSecond: Double?
    /// Merged over the model's instances (nil with a note when their boundaries differ).
    public var ttft: Quantiles
    public var itl: Quantiles
    public var e2e: Quantiles

    public var id: String { model }

    public init(model: String, instanceCount: Int = 0, gpuCount: Int = 0, running: Double? = nil,
                waiting: Double? = nil, promptTokensPerSecond: Double? = nil,
                generationTokensPerSecond: Double? = nil, requestsPerSecond: Double? = nil,
                ttft: Quantiles = .none, itl: Quantiles = .none, e2e: Quantiles = .none) {
        self.model = model
        self.instanceCount = instanceCount
        self.gpuCount = gpuCount
        self.running = running
        self.waiting = waiting
        self.promptTokensPerSecond = promptTokensPerSecond
        self.generationTokensPerSecond = generationTokensPerSecond
        self.requestsPerSecond = requestsPerSecond
        self.ttft = ttft
        self.itl = itl
        self.e2e = e2e
    }
}
