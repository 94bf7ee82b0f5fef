import Formatting

/// The conditions infertop watches. Each kind names the value it tests, the unit that value has and the kind
/// of subject it is evaluated for; its raw value is the key of the rule in the configuration file.
package enum AlertRuleKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// GPU VRAM used / total.
    case vram
    /// KV-cache use of an instance.
    case kvCache = "kv_cache"
    /// Least-squares slope of an instance's queue depth (waiting requests) over the trend window.
    case queueGrowing = "queue_growing"
    /// TTFT p95 of an instance against the latency SLO.
    case ttftSLO = "ttft_slo"
    /// Preemptions per second of an instance.
    case preemptions
    /// Consecutive failed scrapes of a target (0 while it is up).
    case targetDown = "target_down"
    /// 1 while an instance shows a restart (state `restarted` or a recent counter reset), else 0.
    case engineRestart = "engine_restart"
    /// Seconds an instance has been loading (0 once it is not).
    case slowLoad = "slow_load"
    /// SM clock of a busy GPU as a fraction of the median clock of its peers of the same type.
    case gpuThrottling = "gpu_throttling"
    /// GPU temperature.
    case gpuTemperature = "gpu_temperature"
    /// Degrees above the median temperature of the other GPUs of its node.
    case gpuHotterThanPeers = "gpu_hotter_than_peers"

    /// The unit of the tested value: how it is shown and how it is written in the configuration file.
    package enum Unit: String, Sendable, Hashable {
        /// 0–1, shown and configured as a percentage.
        case fraction
        case seconds
        case perSecond
        case celsius
        /// Consecutive failed scrapes, shown as "12×".
        case count
        /// A yes/no condition (1 or 0).
        case flag
    }

    package var unit: Unit {
        switch self {
        case .vram, .kvCache, .gpuThrottling: return .fraction
        case .ttftSLO, .slowLoad: return .seconds
        case .queueGrowing, .preemptions: return .perSecond
        case .gpuTemperature, .gpuHotterThanPeers: return .celsius
        case .targetDown: return .count
        case .engineRestart: return .flag
        }
    }

    package var subjectKind: AlertSubject.Kind {
        switch self {
        case .vram, .gpuThrottling, .gpuTemperature, .gpuHotterThanPeers: return .gpu
        case .kvCache, .queueGrowing, .ttftSLO, .preemptions, .engineRestart, .slowLoad: return .instance
        case .targetDown: return .target
        }
    }

    /// A few words for the alert strip and the event log.
    package var title: String {
        switch self {
        case .vram: return "VRAM high"
        case .kvCache: return "KV cache high"
        case .queueGrowing: return "queue growing"
        case .ttftSLO: return "TTFT p95 over SLO"
        case .preemptions: return "preemptions"
        case .targetDown: return "target down"
        case .engineRestart: return "engine restarted"
        case .slowLoad: return "loading too long"
        case .gpuThrottling: return "GPU throttling"
        case .gpuTemperature: return "GPU hot"
        case .gpuHotterThanPeers: return "hotter than peers"
        }
    }

    /// The value as a person reads it, written as every screen writes its kind ("96%", "420ms", "1m18s",
    /// "+0.31/s", "87°C"); a difference between temperatures is signed ("+27°C"), never read as a temperature.
    package func format(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        switch unit {
        case .fraction: return Format.percent(value, absent: "—")
        case .seconds: return Format.seconds(value, absent: "—")
        case .perSecond: return (self == .queueGrowing && value > 0 ? "+" : "") + Format.compact(value, absent: "—") + "/s"
        case .celsius where self == .gpuHotterThanPeers: return Format.celsiusDifference(value, absent: "—")
        case .celsius: return Format.celsius(value, absent: "—")
        case .count: return Format.fixed(value, 0) + "×"
        case .flag: return value >= 0.5 ? "yes" : "no"
        }
    }
}
