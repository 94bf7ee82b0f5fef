/// One serving engine (a vLLM server, an SGLang server, a TGI router, a Triton model, …) as the dashboard
/// shows it: queue, batch, KV cache, latency quantiles and throughput. Rates are per second over the
/// store's rate window; absent values are nil, never 0.
package struct EngineInstance: Sendable, Hashable, Identifiable {
    /// What names it, which does not change from frame to frame: made once by the cluster model's plan and shared
    /// by every frame's copy (see `SharedValue`); read and changed through the properties below.
    package var identity: SharedValue<InstanceIdentity>
    /// Stable identity: the target, plus the model when one target serves several (Triton).
    package var id: String {
        get { identity.value.id }
        set { identity.value.id = newValue }
    }
    /// The scrape target (URL or source name) it came from.
    package var target: String {
        get { identity.value.target }
        set { identity.value.target = newValue }
    }
    package var engine: EngineKind {
        get { identity.value.engine }
        set { identity.value.engine = newValue }
    }
    package var model: String? {
        get { identity.value.model }
        set { identity.value.model = newValue }
    }
    /// The node (host) it runs on, when known.
    package var node: String? {
        get { identity.value.node }
        set { identity.value.node = newValue }
    }
    package var state: InstanceState = .ready
    /// Requests in the running batch (batch size).
    package var running: Double?
    /// Requests waiting in the queue (queue depth).
    package var waiting: Double?
    /// KV-cache use, 0–1.
    package var kvCacheUsage: Double?
    package var ttft: Quantiles = .none
    /// Inter-token latency (time per output token).
    package var itl: Quantiles = .none
    /// End-to-end request latency.
    package var e2e: Quantiles = .none
    package var queueTime: Quantiles = .none
    /// Mean latencies over the window, in seconds, from servers that count time instead of keeping a
    /// histogram (llama.cpp's inter-token time, Triton's request and queue time); nil elsewhere.
    package var itlMean: Double?
    package var e2eMean: Double?
    package var queueTimeMean: Double?
    package var promptTokensPerSecond: Double?
    package var generationTokensPerSecond: Double?
    package var requestsPerSecond: Double?
    package var preemptionsPerSecond: Double?
    /// Prefix-cache hits / queries over the window, 0–1.
    package var prefixCacheHitRate: Double?
    package var abortedPerSecond: Double?
    package var failedPerSecond: Double?
    /// Requests that finished at a stop condition (end-of-sequence token or stop string), per second.
    package var stoppedPerSecond: Double?
    /// Requests cut off at their token limit (`max_tokens` or the context length), per second.
    package var lengthLimitedPerSecond: Double?
    /// Its Kubernetes pod (from the configuration or its own labels), which joins it to the GPUs DCGM says
    /// the pod uses.
    package var pod: PodReference? {
        get { identity.value.pod }
        set { identity.value.pod = newValue }
    }
    /// GPUs of its node it was joined to.
    package var gpuIDs: [String] {
        get { joinedGPUs.value }
        set { joinedGPUs.value = newValue }
    }
    /// `gpuIDs` held by reference: the frame layout's list, shared by every frame (see `SharedValue`).
    package var joinedGPUs: SharedValue<[String]> = .none
    /// How `gpuIDs` was found: named by the configuration, by its pod on DCGM's series, or all of its node's (the
    /// cluster model sets it; an instance built with its GPUs given counts as named).
    package var gpuJoin: GPUJoin = .configuration
    /// When its process was last seen restarting, ms since the epoch (the first scrape of the new process): a
    /// counter lower than before, inside the rate window or across a gap in the scrapes, or a new process start
    /// time. Kept while its series are, so "restarted 2m ago" and the restart alert's hold outlive the rate window.
    package var restartedAtMs: Int64?
    /// Sequences decoded together per forward pass, over the window (llama.cpp's busy slots per decode): the
    /// batch the engine really ran, where `running` is only how many requests it holds.
    package var batchSize: Double?
    /// Prompt tokens per second of prompt processing (prefill speed).
    package var prefillTokensPerSecond: Double?
    /// The longest sequence (prompt and generation) the server has seen, in tokens.
    package var maxSequenceTokens: Double?
    /// Speculative decoding: accepted draft tokens over drafted ones, 0–1.
    package var speculativeAcceptance: Double?
    /// The window, in seconds, that this instance's rates and quantiles were computed over.
    package var rateWindowSeconds: Double?

    /// The typical time per output token: the ITL median where the engine keeps a histogram, otherwise its mean
    /// (llama.cpp, Triton), flagged so that every view can mark it as a mean beside other engines' medians.
    package var interTokenLatency: LatencyFigure? {
        if let p50 = itl.p50 { return LatencyFigure(seconds: p50, isMean: false) }
        return itlMean.map { LatencyFigure(seconds: $0, isMean: true) }
    }

    package init(
        id: String, target: String, engine: EngineKind, model: String? = nil, node: String? = nil,
        state: InstanceState = .ready, running: Double? = nil, waiting: Double? = nil,
        kvCacheUsage: Double? = nil, ttft: Quantiles = .none, itl: Quantiles = .none,
        e2e: Quantiles = .none, queueTime: Quantiles = .none, promptTokensPerSecond: Double? = nil,
        generationTokensPerSecond: Double? = nil, requestsPerSecond: Double? = nil,
        preemptionsPerSecond: Double? = nil, prefixCacheHitRate: Double? = nil,
        abortedPerSecond: Double? = nil, failedPerSecond: Double? = nil, stoppedPerSecond: Double? = nil,
        lengthLimitedPerSecond: Double? = nil, gpuIDs: [String] = [], restartedAtMs: Int64? = nil
    ) {
        self.init(identity: SharedValue(InstanceIdentity(id: id, target: target, engine: engine, model: model, node: node)))
        self.state = state
        self.running = running
        self.waiting = waiting
        self.kvCacheUsage = kvCacheUsage
        self.ttft = ttft
        self.itl = itl
        self.e2e = e2e
        self.queueTime = queueTime
        self.promptTokensPerSecond = promptTokensPerSecond
        self.generationTokensPerSecond = generationTokensPerSecond
        self.requestsPerSecond = requestsPerSecond
        self.preemptionsPerSecond = preemptionsPerSecond
        self.prefixCacheHitRate = prefixCacheHitRate
        self.abortedPerSecond = abortedPerSecond
        self.failedPerSecond = failedPerSecond
        self.stoppedPerSecond = stoppedPerSecond
        self.lengthLimitedPerSecond = lengthLimitedPerSecond
        if !gpuIDs.isEmpty { self.gpuIDs = gpuIDs }
        self.restartedAtMs = restartedAtMs
    }

    /// A ready instance of a known identity (a plan's), shared rather than made anew, with no values yet.
    package init(identity: SharedValue<InstanceIdentity>) {
        self.identity = identity
    }
}

/// What names an engine instance: the same in every frame while its target serves it.
package struct InstanceIdentity: Sendable, Hashable {
    package var id: String
    package var target: String
    package var engine: EngineKind
    package var model: String?
    package var node: String?
    package var pod: PodReference?

    package init(
        id: String, target: String, engine: EngineKind, model: String? = nil, node: String? = nil,
        pod: PodReference? = nil
    ) {
        self.id = id
        self.target = target
        self.engine = engine
        self.model = model
        self.node = node
        self.pod = pod
    }
}
