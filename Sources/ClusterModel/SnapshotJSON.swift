/// The documented, stable JSON form of a `ClusterSnapshot` (see docs/MODEL.md): every key is always
/// present, in a fixed order; absent values are `null`; units are bytes, seconds, 0–1 fractions, watts.
package enum SnapshotJSON {
    /// Bumped only when a key changes meaning or disappears (adding keys keeps the version).
    package static let version: Int64 = 1

    /// `source` describes the source itself where it has something to say (a query server's data age,
    /// queries and warnings); `null` otherwise.
    package static func value(_ snapshot: ClusterSnapshot, errors: [String] = [], source: JSONValue = .null) -> JSONValue {
        .object([
            ("version", .integer(version)),
            ("timeMs", .integer(snapshot.timeMs)),
            ("totals", totals(snapshot.totals)),
            (
                "nodes",
                .array(
                    snapshot.nodes.map { node in
                        .object([
                            ("name", .string(node.name)), ("up", .bool(node.up)),
                            ("gpus", strings(node.gpuIDs)), ("instances", strings(node.instanceIDs)),
                        ])
                    })
            ),
            ("gpus", .array(snapshot.gpus.map(gpu))),
            ("instances", .array(snapshot.instances.map(instance))),
            ("targets", .array(snapshot.targets.map(target))),
            ("byModel", .array(snapshot.byModel.map(model))),
            ("byGPUType", .array(snapshot.byGPUType.map(gpuType))),
            ("notes", strings(snapshot.notes)),
            ("errors", strings(errors)),
            ("rateWindowSeconds", .optional(snapshot.rateWindowMs.map { Double($0) / 1000 })),
            ("source", source),  // added after version 1 shipped: last
        ])
    }

    package static func text(_ snapshot: ClusterSnapshot, errors: [String] = [], source: JSONValue = .null) -> String {
        value(snapshot, errors: errors, source: source).text(indent: 2) + "\n"
    }

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

    static func quantiles(_ q: Quantiles) -> JSONValue {
        .object([
            ("p50", .optional(q.p50)), ("p90", .optional(q.p90)), ("p95", .optional(q.p95)), ("p99", .optional(q.p99)),
            ("interpolated", .bool(q.interpolated)),
        ])  // added after version 1 shipped: last
    }

    private static func totals(_ t: ClusterTotals) -> JSONValue {
        .object([
            ("gpuCount", .integer(Int64(t.gpuCount))), ("instanceCount", .integer(Int64(t.instanceCount))),
            ("vramUsedBytes", .optional(t.vramUsedBytes)), ("vramTotalBytes", .optional(t.vramTotalBytes)),
            ("vramFraction", .optional(t.vramFraction)), ("meanUtilization", .optional(t.meanUtilization)),
            ("powerWatts", .optional(t.powerWatts)), ("promptTokensPerSecond", .optional(t.promptTokensPerSecond)),
            ("generationTokensPerSecond", .optional(t.generationTokensPerSecond)),
            ("requestsPerSecond", .optional(t.requestsPerSecond)), ("running", .optional(t.running)),
            ("waiting", .optional(t.waiting)), ("ttft", quantiles(t.ttft)), ("itl", quantiles(t.itl)),
            ("e2e", quantiles(t.e2e)),
            ("reportingGPUCount", .integer(Int64(t.reportingGPUCount))),  // added after version 1 shipped: last
        ])
    }

    private static func gpu(_ g: GPU) -> JSONValue {
        .object([
            ("id", .string(g.id)), ("node", .string(g.node)), ("index", .integer(Int64(g.index))),
            ("uuid", .optional(g.uuid)), ("modelName", .optional(g.modelName)),
            ("vramUsedBytes", .optional(g.vramUsedBytes)), ("vramFreeBytes", .optional(g.vramFreeBytes)),
            ("vramTotalBytes", .optional(g.vramTotalBytes)), ("vramFraction", .optional(g.vramFraction)),
            ("utilization", .optional(g.utilization)), ("temperatureC", .optional(g.temperatureC)),
            ("powerWatts", .optional(g.powerWatts)), ("powerLimitWatts", .optional(g.powerLimitWatts)),
            ("smClockMHz", .optional(g.smClockMHz)), ("memClockMHz", .optional(g.memClockMHz)),
            ("migProfile", .optional(g.migProfile)), ("instances", strings(g.instanceIDs)), ("stale", .bool(g.stale)),
            ("pod", .optional(g.pod?.description)),  // added after version 1 shipped: last
        ])
    }

    private static func instance(_ i: EngineInstance) -> JSONValue {
        .object([
            ("id", .string(i.id)), ("target", .string(i.target)), ("engine", .string(i.engine.rawValue)),
            ("model", .optional(i.model)), ("node", .optional(i.node)), ("state", .string(i.state.rawValue)),
            ("running", .optional(i.running)), ("waiting", .optional(i.waiting)),
            ("kvCacheUsage", .optional(i.kvCacheUsage)), ("ttft", quantiles(i.ttft)), ("itl", quantiles(i.itl)),
            ("e2e", quantiles(i.e2e)), ("queueTime", quantiles(i.queueTime)),
            ("promptTokensPerSecond", .optional(i.promptTokensPerSecond)),
            ("generationTokensPerSecond", .optional(i.generationTokensPerSecond)),
            ("requestsPerSecond", .optional(i.requestsPerSecond)), ("preemptionsPerSecond", .optional(i.preemptionsPerSecond)),
            ("prefixCacheHitRate", .optional(i.prefixCacheHitRate)), ("abortedPerSecond", .optional(i.abortedPerSecond)),
            ("failedPerSecond", .optional(i.failedPerSecond)), ("gpus", strings(i.gpuIDs)),
            ("gpuJoin", .string(i.gpuJoin.rawValue)),
            ("restartedAtMs", .optional(i.restartedAtMs)),
            // Added after version 1 shipped: new keys go last, so readers that index by position keep working.
            ("stoppedPerSecond", .optional(i.stoppedPerSecond)),
            ("lengthLimitedPerSecond", .optional(i.lengthLimitedPerSecond)),
            ("itlMean", .optional(i.itlMean)), ("e2eMean", .optional(i.e2eMean)),
            ("queueTimeMean", .optional(i.queueTimeMean)), ("pod", .optional(i.pod?.description)),
            ("batchSize", .optional(i.batchSize)), ("prefillTokensPerSecond", .optional(i.prefillTokensPerSecond)),
            ("maxSequenceTokens", .optional(i.maxSequenceTokens)),
            ("speculativeAcceptance", .optional(i.speculativeAcceptance)),
            ("rateWindowSeconds", .optional(i.rateWindowSeconds)),
        ])
    }

    private static func target(_ t: TargetHealth) -> JSONValue {
        .object([
            ("id", .string(t.id)), ("up", .bool(t.up)), ("lastScrapeMs", .optional(t.lastScrapeMs)),
            ("scrapeDurationSeconds", .optional(t.scrapeDurationSeconds)), ("bytes", .optional(t.bytes)),
            ("samples", .optional(t.samples)), ("errorCount", .integer(Int64(t.errorCount))),
            ("lastError", .optional(t.lastError)), ("consecutiveFailures", .integer(Int64(t.consecutiveFailures))),
            ("dataQuality", .array(t.dataQuality.map(JSONValue.string))),
        ])
    }

    private static func model(_ m: ModelAggregate) -> JSONValue {
        .object([
            ("model", .string(m.model)), ("instanceCount", .integer(Int64(m.instanceCount))),
            ("gpuCount", .integer(Int64(m.gpuCount))), ("running", .optional(m.running)), ("waiting", .optional(m.waiting)),
            ("promptTokensPerSecond", .optional(m.promptTokensPerSecond)),
            ("generationTokensPerSecond", .optional(m.generationTokensPerSecond)),
            ("requestsPerSecond", .optional(m.requestsPerSecond)), ("ttft", quantiles(m.ttft)), ("itl", quantiles(m.itl)),
            ("e2e", quantiles(m.e2e)),
        ])
    }

    private static func gpuType(_ g: GPUTypeAggregate) -> JSONValue {
        .object([
            ("modelName", .string(g.modelName)), ("count", .integer(Int64(g.count))),
            ("meanVRAMFraction", .optional(g.meanVRAMFraction)), ("meanUtilization", .optional(g.meanUtilization)),
            ("powerWatts", .optional(g.powerWatts)),
            ("generationTokensPerSecondPerGPU", .optional(g.generationTokensPerSecondPerGPU)),
            ("generationTokensPerWatt", .optional(g.generationTokensPerWatt)), ("ttftP95", .optional(g.ttftP95)),
            ("ttftP95Interpolated", .bool(g.ttftP95Interpolated)),  // added after version 1 shipped: last
        ])
    }
}
