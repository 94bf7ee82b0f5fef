import Insights

/// The colour of a value on screen, from the one `ThresholdPolicy` the alerts and the heatmap also use.
package struct Thresholds: Sendable {
    package var policy: ThresholdPolicy

    package init(_ policy: ThresholdPolicy = .default) { self.policy = policy }

    /// VRAM used / total.
    package func vram(_ fraction: Double?) -> StyleRole { role(ThresholdPolicy.verdict(fraction, policy.vram)) }
    /// KV-cache use.
    package func kvCache(_ fraction: Double?) -> StyleRole { role(ThresholdPolicy.verdict(fraction, policy.kvCache)) }
    /// GPU temperature in °C.
    package func temperature(_ celsius: Double?) -> StyleRole {
        role(ThresholdPolicy.verdict(celsius, policy.temperature))
    }
    /// Power draw against the limit; plain text when the limit is unknown.
    package func power(_ watts: Double?, limit: Double?) -> StyleRole {
        guard let watts, let limit, limit > 0 else { return .text }
        return role(ThresholdPolicy.verdict(watts / limit, policy.power))
    }
    /// Requests waiting: any queue is a warning, a queue longer than the running batch is critical.
    package func queue(waiting: Double?, running: Double?) -> StyleRole {
        guard let waiting, waiting > 0 else { return .text }
        return waiting > max(1, running ?? 0) ? .critical : .warn
    }

    private func role(_ verdict: ThresholdPolicy.Verdict) -> StyleRole {
        switch verdict {
        case .unknown: return .muted
        case .ok: return .ok
        case .warn: return .warn
        case .critical: return .critical
        }
    }
}
