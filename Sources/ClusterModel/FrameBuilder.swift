import MetricStore

/// One frame's work: evaluates the plans against the store's newest values, in display order, then hands
/// the lists to `ClusterAggregator`. The latency histograms go into the builder's reused `FrameHistograms`.
struct FrameBuilder {
    let configuration: ModelConfiguration
    let boundsTable: BucketBoundsTable
    /// The instances' sources, in display order.
    private let columns: InstanceColumns
    /// The joins, when the builder knows them already (the usual case): each GPU and instance is then made
    /// with them, rather than copied to add them afterwards. Empty when not known.
    private let instanceIDsOfGPU: [SharedValue<[String]>]
    private let gpuIDsOfInstance: [SharedValue<[String]>]
    private let podJoins: PodJoins
    var timeMs: Int64 = 0
    var gpus: [GPU] = []
    var instances: [EngineInstance] = []
    var targets: [TargetHealth] = []
    var notes: [String] = []
    /// The bucket rates of one histogram part, reused.
    private var partRates: [Double] = []

    init(
        configuration: ModelConfiguration, boundsTable: BucketBoundsTable, columns: InstanceColumns,
        layout: FrameLayout?, podJoins: PodJoins, gpuCount: Int, instanceCount: Int
    ) {
        self.configuration = configuration
        self.podJoins = podJoins
        self.boundsTable = boundsTable
        self.columns = columns
        instanceIDsOfGPU = layout?.instanceIDsOfGPU ?? []
        gpuIDsOfInstance = layout?.gpuIDsOfInstance ?? []
        gpus.reserveCapacity(gpuCount)
        instances.reserveCapacity(instanceCount)
    }

    /// The joins of the GPU or instance at `position`, or none when the builder was not given them.
    private static func joins(_ lists: [SharedValue<[String]>], _ position: Int) -> SharedValue<[String]> {
        position < lists.count ? lists[position] : .none
    }

    /// The node of a target shown by itself: the configured or learnt one, else that of its pod's GPUs, else its host.
    static func placeholderNode(_ target: String, _ configuration: ModelConfiguration, _ podJoins: PodJoins) -> String? {
        configuration.targetNodes[target] ?? podJoins.nodeOfPlaceholder[target] ?? TargetHost.host(of: target)
    }

    /// A target with neither instances nor GPUs is shown by itself unless its page failed to parse (then it
    /// shows only as a target with its error).
    static func showsPlaceholder(_ status: TargetStatus) -> Bool { status.errorCount == 0 || !status.up }

    mutating func add(_ status: TargetStatus) {
        timeMs = max(timeMs, status.lastScrapeMs ?? status.lastAttemptMs ?? 0)
        if status.refusedSeries > 0 {
            notes.append(
                "\(status.id): \(status.refusedSeries) of its series were not stored: the store is full "
                    + "(\(MetricStore.fullNote)); its values are missing or partial")
        }
        targets.append(
            TargetHealth(
                id: status.id, up: status.up, lastScrapeMs: status.lastScrapeMs,
                scrapeDurationSeconds: status.scrapeDurationSeconds, bytes: status.bytes,
                samples: status.samples, errorCount: status.errorCount, lastError: status.lastError,
                consecutiveFailures: status.consecutiveFailures))
    }

    /// A target with neither instances nor GPUs: one that answers without serving metrics is still loading
    /// its model; one that never answered is unreachable. Either way it is shown, not silently left out, as the
    /// engine and model it last `served` when it did.
    mutating func addPlaceholder(
        target: String, status: TargetStatus, served: (engine: EngineKind, model: String?)?,
        histograms: inout FrameHistograms
    ) {
        instances.append(
            EngineInstance(
                id: target, target: target, engine: served?.engine ?? .unknown, model: served?.model,
                node: Self.placeholderNode(target, configuration, podJoins),
                state: status.up ? .loading : .unreachable))
        instances[instances.count - 1].joinedGPUs = Self.joins(gpuIDsOfInstance, instances.count - 1)
        histograms.appendInstance()
        if status.up && (status.samples ?? 0) > 0 && status.refusedSeries == 0 {
            notes.append("\(target): no known server or exporter metrics on the page (\(status.samples ?? 0) samples)")
        }
    }

    /// Records a reading that cannot mean what it claims against the target at `position` (in `targets`).
    mutating func flag(_ position: Int, _ note: @autoclosure () -> String) {
        guard targets.indices.contains(position) else { return }
        let count = targets[position].dataQuality.count
        if count < DataQualityNote.perTarget {
            targets[position].dataQuality.append(note())
        } else if count == DataQualityNote.perTarget {
            targets[position].dataQuality.append("more readings out of range are not listed")
        }
    }

    /// A reading of `ref` in the model's units, or `.nan` (noted against the target) when it is outside `range`.
    private mutating func checked(
        _ value: Double, _ ref: SeriesRef, _ range: ValidRange, target: Int,
        store: MetricStore
    ) -> Double {
        let scaled = value * ref.scale
        guard !range.accepts(scaled) else { return scaled }
        flag(
            target,
            DataQualityNote.outOfRange(
                series: store.info(ref.id).name, value: value, range: range,
                scale: ref.scale))
        return .nan
    }

    mutating func addGPU(_ plan: UnsafePointer<GPUPlan>, target: Int, store: MetricStore) {
        var anyField = false
        let fields = plan.pointee.fields  // inline values: a copy retains nothing
        func read(_ metric: GPUMetric) -> Double? {
            guard let ref = fields[metric.rawValue], let value = store.latest(ref.id) else { return nil }
            anyField = true  // a blank still shows the exporter reports the GPU
            guard !plan.pointee.blankCodes.contains(where: { $0.contains(value) }) else { return nil }
            return checked(value, ref, metric.validRange, target: target, store: store)
        }
        let used = read(.vramUsed)
        let free = read(.vramFree)
        var total = read(.vramTotal)
        if total == nil, let used, let free { total = used + free + (read(.vramReserved) ?? 0) }
        if let used, let total, used > total * 1.000_001, let ref = fields[GPUMetric.vramUsed.rawValue] {
            flag(
                target,
                "\(store.info(ref.id).name) = \(DataQualityNote.number(used / ref.scale)), more than the GPU's "
                    + "\(DataQualityNote.number(total / ref.scale)) in all")
        }
        let utilization = read(.utilization)
        let temperature = read(.temperature)
        let power = read(.power)
        let powerLimit = read(.powerLimit)
        let smClock = read(.smClock)
        let memClock = read(.memClock)
        // Made in place: a GPU made apart and appended was copied (its strings retained again) and destroyed.
        gpus.append(
            GPU(
                identity: plan.pointee.identity, vramUsedBytes: used, vramFreeBytes: free, vramTotalBytes: total,
                utilization: utilization, temperatureC: temperature, powerWatts: power, powerLimitWatts: powerLimit,
                smClockMHz: smClock, memClockMHz: memClock,
                joinedInstances: Self.joins(instanceIDsOfGPU, gpus.count),
                stale: !anyField))  // a blank still shows the exporter reports the GPU
    }

    /// The instance of `plan`, at `position` in display order.
    mutating func addInstance(
        _ plan: UnsafePointer<InstancePlan>, position: Int, target: Int, up: Bool, window scrapeWindow: ScrapeWindow?,
        store: MetricStore, histograms: inout FrameHistograms
    ) {
        // A target whose last scrape failed has no current values: its series are stale at once, as Prometheus marks
        // them, so its rates and quantiles are absent like its gauges, not the last ones computed.
        let window = up ? scrapeWindow : nil
        let columns = columns
        func scalars(_ metric: InstanceMetric) -> ArraySlice<SeriesRef> { columns.scalars(position, metric) }
        func gauge(_ metric: InstanceMetric) -> Double? {
            var sum: Double?
            for ref in scalars(metric) {
                if let value = store.latest(ref.id) {
                    sum = (sum ?? 0) + checked(value, ref, metric.validRange, target: target, store: store)
                }
            }
            return sum
        }
        func rate(_ metric: InstanceMetric) -> Double? {
            guard let window else { return nil }
            var sum: Double?
            for ref in scalars(metric) {
                // A counter below zero is not a count; one that went down is a restart (a reset, as Prometheus reads it).
                if let latest = store.latest(ref.id), !(latest >= 0) {
                    flag(target, DataQualityNote.negativeCounter(series: store.info(ref.id).name, value: latest))
                    sum = .nan
                    continue
                }
                guard let rate = store.rate(ref.id, in: window) else { continue }
                let perSecond = rate.perSecond * ref.scale
                if metric.validRange.accepts(perSecond) {
                    sum = (sum ?? 0) + perSecond
                } else {
                    flag(
                        target,
                        DataQualityNote.rateOutOfRange(
                            series: store.info(ref.id).name, perSecond: rate.perSecond,
                            range: metric.validRange, scale: ref.scale))
                    sum = .nan
                }
            }
            return sum
        }
        histograms.appendInstance()
        func quantiles(_ metric: InstanceMetric) -> Quantiles {
            let parts = columns.histograms(position, metric)
            if let window, !parts.isEmpty {
                // The parts (vLLM `engine`s, …) of one instance merge by adding bucket rates.
                for p in parts.indices where store.rates(parts[p].ids, in: window, into: &partRates) {
                    guard histograms.add(partRates, bounds: parts[p].boundsID, to: metric) else {
                        notes.append("\(plan.pointee.id): \(metric) parts have different bucket boundaries; not merged")
                        histograms.clear(metric)
                        return .none
                    }
                }
                return histograms.quantiles(ofNewest: metric, boundsTable: boundsTable)
            }
            // Summaries carry their own quantiles, read as they are.
            var levels: [Double: Double] = [:]
            for entry in columns.summaries(position, metric) {
                // A summary with no observations in its window reports NaN: no quantile, not a bad one.
                guard let value = store.latest(entry.ref.id), !value.isNaN else { continue }
                let seconds = checked(value, entry.ref, metric.validRange, target: target, store: store)
                // Several parts of one instance: the slowest part's quantile; an invalid one makes it invalid.
                levels[entry.level] =
                    seconds.isNaN || levels[entry.level]?.isNaN == true
                    ? .nan
                    : Swift.max(levels[entry.level] ?? seconds, seconds)
            }
            return Quantiles(p50: levels[0.5], p90: levels[0.9], p95: levels[0.95], p99: levels[0.99])
        }
        /// The rate of a counter that is the product of two series, from their points inside the window: llama.cpp's
        /// decode calls × its lifetime mean of busy slots per call, i.e. the tokens decoded per second.
        func productRate(_ a: InstanceMetric, _ b: InstanceMetric) -> Double? {
            guard let window, let x = scalars(a).first, let y = scalars(b).first
            else { return nil }
            var second: [Int64: Double] = [:]
            for point in store.points(y.id, fromMs: window.startMs, toMs: window.endMs) { second[point.timeMs] = point.value }
            let products = store.points(x.id, fromMs: window.startMs, toMs: window.endMs).compactMap { point in
                second[point.timeMs].map { (timeMs: point.timeMs, value: point.value * x.scale * $0 * y.scale) }
            }
            guard let rate = CounterRate.compute(products, windowStartMs: window.startMs, windowEndMs: window.endMs) else {
                return nil
            }
            guard a.validRange.accepts(rate.perSecond) else {
                flag(
                    target,
                    DataQualityNote.rateOutOfRange(
                        series: store.info(x.id).name + " × " + store.info(y.id).name,
                        perSecond: rate.perSecond, range: a.validRange, scale: 1))
                return .nan
            }
            return rate.perSecond
        }
        func ratio(_ part: Double?, _ whole: Double?) -> Double? {
            guard let part, let whole, whole > 0 else { return nil }
            return part / whole
        }
        let hits = rate(.prefixHits)
        let queries = rate(.prefixQueries)
        var hitRate = gauge(.prefixHitRatio)
        if let hits, let queries, queries > 0 { hitRate = hits / queries }
        let promptTokens = rate(.promptTokens)
        // llama.cpp counts prompt tokens served from its cache apart from the ones it computed.
        if let cached = rate(.cachedPromptTokens) { hitRate = ratio(cached, cached + (promptTokens ?? 0)) ?? hitRate }
        let decoded = productRate(.decodeCalls, .busySlotsPerDecode)
        // Hits beyond queries is a page that contradicts itself, not a hit rate above 100 %.
        if let rate = hitRate, !ValidRange.fraction.accepts(rate) { hitRate = .nan }
        // Made in place with the plan's identity, then given its values (a value made apart and appended was copied).
        instances.append(EngineInstance(identity: plan.pointee.identity))
        let last = instances.count - 1
        instances[last].running = gauge(.running)
        instances[last].waiting = gauge(.waiting)
        instances[last].kvCacheUsage = gauge(.kvCacheUsage)
        instances[last].ttft = quantiles(.ttft)
        instances[last].itl = quantiles(.itl)
        instances[last].e2e = quantiles(.e2e)
        instances[last].queueTime = quantiles(.queueTime)
        instances[last].promptTokensPerSecond = promptTokens ?? gauge(.promptThroughput)
        instances[last].generationTokensPerSecond = decoded ?? rate(.generationTokens) ?? gauge(.generationThroughput)
        instances[last].requestsPerSecond = rate(.requests)
        instances[last].preemptionsPerSecond = rate(.preemptions)
        instances[last].prefixCacheHitRate = hitRate
        instances[last].abortedPerSecond = rate(.aborted)
        instances[last].failedPerSecond = rate(.failed)
        instances[last].stoppedPerSecond = rate(.stopped)
        instances[last].lengthLimitedPerSecond = rate(.lengthLimited)
        instances[last].joinedGPUs = Self.joins(gpuIDsOfInstance, last)
        func mean(_ time: InstanceMetric, per count: InstanceMetric) -> Double? {
            guard let time = rate(time), let count = rate(count), count > 0 else { return nil }
            return time / count
        }
        /// The mean time per decode step over the window, from a time counter and a gauge of steps per second of that
        /// time since the previous scrape (llama.cpp's `predicted_tokens_seconds`): each scrape interval took
        /// gauge × time-added steps. An interval whose gauge reads 0 while time was added had its gauge reset by
        /// another scraper in between; it is left out rather than counted as no steps.
        func meanPerStep(_ time: InstanceMetric, speed: InstanceMetric) -> Double? {
            guard let window, let t = scalars(time).first,
                let g = scalars(speed).first
            else {
                return nil
            }
            var speeds: [Int64: Double] = [:]
            for point in store.points(g.id, fromMs: window.startMs, toMs: window.endMs) {
                speeds[point.timeMs] = point.value * g.scale
            }
            var (spent, steps) = (0.0, 0.0)
            var previous: Double?
            for point in store.points(t.id, fromMs: window.startMs, toMs: window.endMs) {
                let value = point.value * t.scale
                defer { previous = value }
                guard let before = previous, value > before, let speed = speeds[point.timeMs], speed > 0,
                    speed.isFinite
                else { continue }
                spent += value - before
                steps += (value - before) * speed
            }
            guard steps > 0 else { return nil }
            return spent / steps
        }
        let itlMean = meanPerStep(.itlTime, speed: .generationStepsPerSecond) ?? mean(.itlTime, per: .itlCount)
        let e2eMean = mean(.e2eTime, per: .e2eCount)
        let queueTimeMean = mean(.queueTimeTotal, per: .queueCount)
        let batchSize = ratio(decoded, rate(.decodeCalls))
        let prefillTokensPerSecond = ratio(promptTokens, rate(.promptTime))
        let maxSequenceTokens = gauge(.maxSequenceTokens)
        let speculativeAcceptance = ratio(rate(.acceptedTokens), rate(.draftTokens))
        let restartedAt = Self.restartMs(of: plan.pointee.processStart, columns.allScalars(position), in: store)
        instances[last].itlMean = itlMean
        instances[last].e2eMean = e2eMean
        instances[last].queueTimeMean = queueTimeMean
        instances[last].batchSize = batchSize
        instances[last].prefillTokensPerSecond = prefillTokensPerSecond
        instances[last].maxSequenceTokens = maxSequenceTokens
        instances[last].speculativeAcceptance = speculativeAcceptance
        instances[last].rateWindowSeconds = window.map { Double($0.endMs - $0.startMs) / 1000 }
        instances[last].restartedAtMs = restartedAt
        instances[last].state =
            !up ? .unreachable : restartedAt.map { $0 >= (window?.startMs ?? .max) } == true ? .restarted : .ready
    }

    /// When the instance's process last restarted, as its series show it: a counter lower than before (inside the
    /// rate window, or across a gap in the scrapes, where no rate joins the points), or a new process start time.
    static func restartMs(of processStart: SeriesRef?, _ scalars: ArraySlice<SeriesRef>, in store: MetricStore) -> Int64? {
        var latest = processStart.flatMap { store.restartMs($0.id) }
        for ref in scalars {
            if let time = store.restartMs(ref.id) { latest = max(latest ?? time, time) }
        }
        return latest
    }

    /// The snapshot; `layout` is the one given at the start, or, when none was, the one made from this frame
    /// (whose joins are then added to the GPUs and instances).
    consuming func finish(layout: FrameLayout, histograms: inout FrameHistograms) -> ClusterSnapshot {
        if instanceIDsOfGPU.count != gpus.count || gpuIDsOfInstance.count != instances.count {
            for index in gpus.indices { gpus[index].joinedInstances = layout.instanceIDsOfGPU[index] }
            for index in instances.indices { instances[index].joinedGPUs = layout.gpuIDsOfInstance[index] }
        }
        for index in instances.indices { instances[index].gpuJoin = layout.gpuJoins[index] }
        let frame = ClusterAggregator.Frame(timeMs: timeMs, gpus: gpus, instances: instances, targets: targets, notes: notes)
        return ClusterAggregator.snapshot(frame, layout: layout, histograms: &histograms, boundsTable: boundsTable)
    }
}
