/// Names one derived value whose history the dashboard draws (a sparkline, a chart line).
package enum HistoryKey: Hashable, Sendable {
    case gpu(String, GPUSeries)
    case instance(String, InstanceSeries)
    case model(String, InstanceSeries)
    case cluster(ClusterSeries)

    /// Per-GPU values kept over time.
    package enum GPUSeries: String, Sendable, Hashable, CaseIterable {
        case vramUsed, vramFraction, utilization, temperature, power

        package func value(of gpu: GPU) -> Double? {
            switch self {
            case .vramUsed: return gpu.vramUsedBytes
            case .vramFraction: return gpu.vramFraction
            case .utilization: return gpu.utilization
            case .temperature: return gpu.temperatureC
            case .power: return gpu.powerWatts
            }
        }
    }

    /// Per-instance (and per-model) values kept over time.
    package enum InstanceSeries: String, Sendable, Hashable, CaseIterable {
        case running, waiting, kv, ttftP50, ttftP95, itlP50, e2eP95, generationTPS, promptTPS, requestsPerSecond

        package func value(of instance: EngineInstance) -> Double? {
            switch self {
            case .running: return instance.running
            case .waiting: return instance.waiting
            case .kv: return instance.kvCacheUsage
            case .ttftP50: return instance.ttft.p50
            case .ttftP95: return instance.ttft.p95
            case .itlP50: return instance.interTokenLatency?.seconds
            case .e2eP95: return instance.e2e.p95
            case .generationTPS: return instance.generationTokensPerSecond
            case .promptTPS: return instance.promptTokensPerSecond
            case .requestsPerSecond: return instance.requestsPerSecond
            }
        }

        package func value(of model: ModelAggregate) -> Double? {
            switch self {
            case .running: return model.running
            case .waiting: return model.waiting
            case .kv: return nil
            case .ttftP50: return model.ttft.p50
            case .ttftP95: return model.ttft.p95
            case .itlP50: return model.itl.p50
            case .e2eP95: return model.e2e.p95
            case .generationTPS: return model.generationTokensPerSecond
            case .promptTPS: return model.promptTokensPerSecond
            case .requestsPerSecond: return model.requestsPerSecond
            }
        }
    }

    /// Cluster-wide values kept over time (the header and the charts).
    package enum ClusterSeries: String, Sendable, Hashable, CaseIterable {
        case generationTPS, promptTPS, requestsPerSecond, running, waiting, ttftP50, ttftP95, itlP50
        case vramUsed, vramFraction, utilization, power

        package func value(of totals: ClusterTotals) -> Double? {
            switch self {
            case .generationTPS: return totals.generationTokensPerSecond
            case .promptTPS: return totals.promptTokensPerSecond
            case .requestsPerSecond: return totals.requestsPerSecond
            case .running: return totals.running
            case .waiting: return totals.waiting
            case .ttftP50: return totals.ttft.p50
            case .ttftP95: return totals.ttft.p95
            case .itlP50: return totals.itl.p50
            case .vramUsed: return totals.vramUsedBytes
            case .vramFraction: return totals.vramFraction
            case .utilization: return totals.meanUtilization
            case .power: return totals.powerWatts
            }
        }
    }
}
