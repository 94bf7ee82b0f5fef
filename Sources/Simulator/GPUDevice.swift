#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One simulated GPU: what DCGM would read off it. Utilization, power and temperature follow the work its
/// instance did in the last tick; a thermal fault lowers its clocks and throughput and heats it.
struct GPUDevice: Sendable {
    let spec: GPUSpec
    let localIndex: Int
    let uuid: String
    let pciBusId: String
    /// Whether DCGM reads its memory temperature: HBM parts report one; GDDR parts read 0, as in the L4 and
    /// L40S scrapes.
    let reportsMemoryTemperature: Bool
    /// The pod and container of the engine using the GPU, as dcgm-exporter's Kubernetes mode labels it.
    var pod: (name: String, container: String)?

    var utilization = 0.0
    var memoryCopyUtilization = 0.0
    var graphicsActive = 0.0
    var tensorActive = 0.0
    var dramActive = 0.0
    var powerWatts: Double
    var temperature = 33.0
    var energyMillijoules: Double
    var usedBytes = 0.0
    var smClock = 210.0
    var memClock = 405.0
    var pcieRxBytesPerSecond = 0.0
    var pcieTxBytesPerSecond = 0.0
    /// Share of its throughput left by a thermal fault (1 = healthy).
    var throttle = 1.0
    var noise: SimRandom

    init(spec: GPUSpec, localIndex: Int, seed: UInt64, stream: UInt64) {
        var random = SimRandom(seed: seed, stream: stream)
        self.spec = spec
        self.localIndex = localIndex
        self.reportsMemoryTemperature = spec.modelName.contains("HBM") || spec.modelName.contains("SXM")
        self.uuid =
            "GPU-" + random.hex(8) + "-" + random.hex(4) + "-" + random.hex(4) + "-" + random.hex(4) + "-"
            + random.hex(12)
        self.pciBusId = "00000000:" + String(localIndex * 16 + 0x18, radix: 16, uppercase: true) + ":00.0"
        self.powerWatts = spec.idleWatts
        // Energy since boot: the node booted some days before the simulation starts.
        self.energyMillijoules = spec.idleWatts * 1000 * 86_400 * (2 + 5 * random.unit())
        self.noise = random
    }

    /// The work of one tick: milliseconds busy, memory-bound and compute-bound, bytes held, bytes loading.
    struct Load {
        /// The GPU time of the instances on it this tick.
        var time = StepTime()
        var usedBytes = 0.0
        var loadingBytesPerSecond = 0.0
    }

    mutating func update(tickMs: Double, load: Load) {
        let busy = min(1, load.time.busyMs / tickMs)
        let memory = min(1, load.time.memoryMs / tickMs)
        let compute = min(1, load.time.computeMs / tickMs)
        let jitter = 1 + 0.02 * (noise.unit() - 0.5)
        utilization = (busy * 100).rounded()
        memoryCopyUtilization = (memory * busy * 85).rounded()
        graphicsActive = busy * 0.97
        tensorActive = compute * 0.7
        dramActive = memory * 0.85
        let activity = 0.3 * busy + 0.45 * dramActive + 0.25 * tensorActive / 0.7
        let ceiling = throttle < 1 ? spec.maxWatts * 0.75 : spec.maxWatts
        let loading = load.loadingBytesPerSecond > 0 ? 0.08 : 0
        powerWatts = min(ceiling, (spec.idleWatts + (spec.maxWatts - spec.idleWatts) * (activity + loading)) * jitter)
        energyMillijoules += powerWatts * tickMs
        let target = 30 + 50 * powerWatts / spec.maxWatts + (throttle < 1 ? 30 : 0)
        temperature += (target - temperature) * (1 - exp(-tickMs / 30_000))
        usedBytes = load.usedBytes
        smClock = busy > 0 || loading > 0 ? (spec.smClockMHz * throttle).rounded() : 210
        memClock = busy > 0 || loading > 0 ? spec.memClockMHz : 405
        pcieRxBytesPerSecond = (load.loadingBytesPerSecond + 40_000 * (1 + busy * 20) * jitter).rounded()
        pcieTxBytesPerSecond = (60_000 * (1 + busy * 30) * jitter).rounded()
    }

    /// Framebuffer figures as DCGM reports them, MiB.
    var usedMiB: Double { (usedBytes / 1_048_576).rounded() }
    var freeMiB: Double { max(0, spec.framebufferMiB - spec.reservedMiB - usedMiB) }
}
