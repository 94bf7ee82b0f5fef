/// Everything serving one model, summed: throughput, queue, and latency merged from bucket deltas.
package struct ModelAggregate: Sendable, Hashable, Codable, Identifiable {
    package var model: String
    package var instanceCount: Int
    /// GPUs joined to this model's instances.
    package var gpuCount: Int
    package var running: Double?
    package var waiting: Double?
    package var promptTokensPerSecond: Double?
    package var generationTokensPerSecond: Double?
    package var requestsPerSecond: Double?
    /// Merged over the model's instances (nil with a note when their boundaries differ).
    package var ttft: Quantiles
    package var itl: Quantiles
    package var e2e: Quantiles

    package var id: String { model }

    package init(
        model: String, instanceCount: Int = 0, gpuCount: Int = 0, running: Double? = nil,
        waiting: Double? = nil, promptTokensPerSecond: Double? = nil,
        generationTokensPerSecond: Double? = nil, requestsPerSecond: Double? = nil,
        ttft: Quantiles = .none, itl: Quantiles = .none, e2e: Quantiles = .none
    ) {
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
