import Exposition

/// One simulated inference server process: its lifecycle (loading, serving, crashed), its queue and running
/// batch, its KV-cache blocks and its metrics. The scheduling itself is in `EngineInstance+Scheduler.swift`.
struct EngineInstance: Sendable {
    /// Where the process is in its life. Only `ready` answers scrapes and takes requests.
    enum Phase: Sendable, Equatable {
        /// Not running: not started yet, or its node is down.
        case absent
        /// Reading its weights into VRAM.
        case loading
        /// Weights in; profiling memory, allocating the KV cache and capturing CUDA graphs.
        case starting
        case ready
        /// Died; restarts at `phaseUntilMs`.
        case crashed
    }

    /// Bytes per second a starting instance reads its weights at (local NVMe or a warm object store).
    static let loadBytesPerSecond = 1.0e9
    /// Time from weights loaded to serving (profiling, KV allocation, CUDA graph capture).
    static let startupMs = 20_000.0
    /// The CUDA context every process holds on each GPU.
    static let contextBytes = 512.0 * 1_048_576
    static let blockSize = 16
    /// Clients give up on a request that has waited this long without being scheduled (`finished_reason="abort"`).
    static let clientTimeoutMs = 60_000.0

    let node: Int
    /// Slug within the node, e.g. `vllm-0`.
    let slug: String
    let plan: InstancePlan
    /// Indices into the cluster's flat GPU list.
    let gpuIndices: [Int]
    let cost: EngineCostModel
    let kvBlocks: Int
    let prefixTokens: Int
    /// The labels of most of its page's samples, built once.
    let baseLabels: Labels
    /// Its page laid out (see `PageSink`): empty until `init` ends, laid out again when a restart changes
    /// `processStartMs`, which SGLang shows as a label.
    private(set) var pageTemplate = ExpositionTemplate.layOut { _ in }

    var phase: Phase = .absent
    var phaseUntilMs = 0.0
    var loadedBytes = 0.0
    var holdsFullMemory = false
    var processStartMs: Int64 = 0 {
        didSet { layOutPage() }
    }
    var metrics: EngineMetrics

    var inbox: [SimRequest] = []
    var inboxHead = 0
    var waiting: [SimRequest] = []
    var waitingHead = 0
    /// Preempted requests, resumed before new ones (last preempted first, as vLLM prepends them).
    var resumed: [SimRequest] = []
    /// In admission order; the first `cohort.count` are the decode cohort, whose fields lag (see `DecodeCohort`).
    var running: [SimRequest] = []
    var cohort = DecodeCohort()
    /// Whether the cohort outlives a decode run (see `SimulationOptions.keepsDecodeCohort`).
    var keepsCohort = true
    /// The tokens the current step gives each running request after the cohort.
    var stepTokens: [Int] = []
    var usedBlocks = 0
    var clockMs = 0.0
    var prefixWarm: [Bool]
    /// The slowest of its GPUs' throttle factors (1 = full speed).
    var throttle = 1.0

    /// GPU time of the current tick, for the GPU model.
    var tickTime = StepTime()
    var tickGenerated = 0.0
    var tickPreemptions = 0.0
    var tickPrefixQueries = 0.0
    var tickPrefixHits = 0.0
    /// GPU time of a step that ran past a tick's end, owed to the ticks it ran into: a long prefill keeps the GPU
    /// busy across a tick boundary, and DCGM counts it where it ran.
    var carriedTime = StepTime()
    /// Smoothed generation throughput and last prefill hit rate (SGLang reports both as gauges).
    var generationThroughput = 0.0
    var cacheHitRate = 0.0

    /// `processStartMs` is given here, not set after, where each change lays the page out again.
    init(
        node: Int, slug: String, plan: InstancePlan, gpuIndices: [Int], gpu: GPUSpec, workload: Workload,
        processStartMs: Int64 = 0
    ) {
        self.node = node
        self.processStartMs = processStartMs
        self.slug = slug
        self.plan = plan
        self.gpuIndices = gpuIndices
        self.cost = EngineCostModel(model: plan.model, gpu: gpu, tensorParallel: plan.tensorParallel)
        self.kvBlocks = max(1, cost.kvCapacityTokens(utilization: plan.gpuMemoryUtilization) / Self.blockSize)
        self.prefixTokens = workload.prefixTokens
        self.prefixWarm = Array(repeating: false, count: max(1, workload.prefixGroups))
        self.metrics = EngineMetrics(engine: plan.engine, maxModelLen: plan.model.maxModelLen)
        let model = Label("model_name", plan.model.name)
        switch plan.engine {
        case .vllm:
            // prometheus_client sorts label names: engine, le, model_name.
            baseLabels = Labels([Label("engine", "0"), model])
        case .sglang:
            baseLabels = Labels([
                Label("engine_type", "unified"), model, Label("moe_ep_rank", "0"),
                Label("pp_rank", "0"), Label("tp_rank", "0"),
            ])
        }
        layOutPage()
    }

    /// Describes its page into `page` (see `PageSink`).
    func describePage<Page: PageSink>(_ page: inout Page) {
        switch plan.engine {
        case .vllm: VLLMPage.describe(self, &page)
        case .sglang: SGLangPage.describe(self, &page)
        }
    }

    private mutating func layOutPage() {
        let instance = self
        pageTemplate = ExpositionTemplate.layOut { instance.describePage(&$0) }
    }

    /// The page it serves now.
    func page() -> [UInt8] {
        pageTemplate.render { describePage(&$0) }
    }

    var isServing: Bool { phase == .ready }
    var waitingCount: Int { waiting.count - waitingHead + resumed.count }
    var outstanding: Int { waitingCount + running.count + inbox.count - inboxHead }
    var kvUsage: Double { Double(usedBlocks) / Double(kvBlocks) }
    var freeBlocks: Int { kvBlocks - usedBlocks }

    /// A new process begins loading at `nowMs`: fresh counters, empty caches.
    mutating func start(atMs nowMs: Double) {
        dropRequests()
        phase = .loading
        loadedBytes = 0
        holdsFullMemory = false
        processStartMs = Int64(nowMs)
        metrics = EngineMetrics(engine: plan.engine, maxModelLen: plan.model.maxModelLen)
        prefixWarm = Array(repeating: false, count: prefixWarm.count)
        generationThroughput = 0
        cacheHitRate = 0
    }

    /// The process dies; it restarts after `restartMs`. Out of memory keeps the framebuffer full until then.
    mutating func crash(atMs nowMs: Double, restartMs: Int64, outOfMemory: Bool) {
        dropRequests()
        phase = .crashed
        phaseUntilMs = nowMs + Double(restartMs)
        holdsFullMemory = outOfMemory
    }

    /// Its node went away with it.
    mutating func stop() {
        dropRequests()
        phase = .absent
        holdsFullMemory = false
    }

    private mutating func dropRequests() {
        inbox.removeAll(keepingCapacity: true)
        inboxHead = 0
        waiting.removeAll(keepingCapacity: true)
        waitingHead = 0
        resumed.removeAll(keepingCapacity: true)
        running.removeAll(keepingCapacity: true)
        cohort = DecodeCohort()
        stepTokens.removeAll(keepingCapacity: true)
        usedBlocks = 0
    }

    /// Hands a routed request to the instance; requests arrive in time order.
    mutating func enqueue(_ request: SimRequest) {
        inbox.append(request)
    }

    /// Moves the lifecycle and the scheduler forward over one tick.
    mutating func advance(fromMs tickStart: Double, toMs end: Double) {
        tickTime = StepTime()
        tickGenerated = 0
        tickPreemptions = 0
        tickPrefixQueries = 0
        tickPrefixHits = 0
        switch phase {
        case .absent:
            break
        case .loading:
            loadedBytes = min(plan.model.weightBytes, loadedBytes + Self.loadBytesPerSecond * (end - tickStart) / 1000)
            if loadedBytes >= plan.model.weightBytes {
                phase = .starting
                phaseUntilMs = end + Self.startupMs
            }
        case .starting:
            if end >= phaseUntilMs {
                phase = .ready
                clockMs = end
            }
        case .crashed:
            if end >= phaseUntilMs { start(atMs: end) }
        case .ready:
            clockMs = max(clockMs, tickStart)
            takeCarriedWork(tickMs: end - tickStart)
            abandonStaleRequests(now: tickStart)
            let stepsStart = clockMs
            runSteps(until: end)
            carryWork(pastMs: max(end, stepsStart))
        }
        if phase != .ready { carriedTime = StepTime() }
        let seconds = (end - tickStart) / 1000
        generationThroughput += 0.3 * (tickGenerated / seconds - generationThroughput)
        if tickPrefixQueries > 0 { cacheHitRate = tickPrefixHits / tickPrefixQueries }
    }

    /// The part of the time carried from the ticks before that falls in this one (at most all of it).
    private mutating func takeCarriedWork(tickMs: Double) {
        guard carriedTime.busyMs > 0 else { return }
        tickTime += carriedTime.split(min(1, tickMs / carriedTime.busyMs))
    }

    /// Moves the time this tick's last step ran past `boundary` (the tick's end, or where its steps began when
    /// that is later) to the ticks after, with its share of memory- and compute-bound time.
    private mutating func carryWork(pastMs boundary: Double) {
        let overshoot = min(clockMs - boundary, tickTime.busyMs)
        guard overshoot > 0 else { return }
        carriedTime += tickTime.split(overshoot / tickTime.busyMs)
    }

    /// Waiting requests (oldest first) whose clients have given up are aborted, so an overloaded instance's
    /// queue stays bounded the way it does behind real clients.
    private mutating func abandonStaleRequests(now: Double) {
        while waitingHead < waiting.count && now - waiting[waitingHead].arrivalMs > Self.clientTimeoutMs {
            waitingHead += 1
            metrics.finished[2] += 1
            metrics.requestsFinished += 1
        }
    }

    /// Bytes it holds on each of its GPUs now.
    var memoryPerGPU: Double {
        let reserved = cost.gpu.usableBytes * plan.gpuMemoryUtilization
        let weights = plan.model.weightBytes / Double(plan.tensorParallel)
        switch phase {
        case .absent: return 0
        case .loading: return Self.contextBytes + loadedBytes / Double(plan.tensorParallel)
        case .starting: return Self.contextBytes + weights + (reserved - weights) / 2
        case .ready: return Self.contextBytes + reserved
        case .crashed: return holdsFullMemory ? cost.gpu.usableBytes : 0
        }
    }
}
