import ClusterModel
import Dashboard
import Insights
import Testing

/// Issue 17, item 5: one threshold policy. The same value gets the same verdict from the panels' colours, the
/// heatmap's buckets and the alert rules, with the defaults and with levels moved by the configuration.
@Suite struct ThresholdPolicyTests {
    static let moved = try! ThresholdPolicy.default.applying([
        "vram_warn": 0.8, "vram_critical": 0.9, "kv_warn": 0.5,
        "kv_critical": 0.6, "temp_warn": 70, "temp_critical": 75,
    ])

    static func role(_ verdict: ThresholdPolicy.Verdict) -> StyleRole {
        switch verdict {
        case .unknown: return .muted
        case .ok: return .ok
        case .warn: return .warn
        case .critical: return .critical
        }
    }

    @Test(arguments: [ThresholdPolicy.default, moved])
    func everyScreenAndRuleAgrees(policy: ThresholdPolicy) throws {
        let thresholds = Thresholds(policy)
        let rules = AlertRuleConfiguration.default.applying(thresholds: policy)
        let cases: [(HeatmapMetric, AlertRuleKind, ThresholdPolicy.Level, (Double?) -> StyleRole, ClosedRange<Double>)] = [
            (.vram, .vram, policy.vram, thresholds.vram, 0...1),
            (.kv, .kvCache, policy.kvCache, thresholds.kvCache, 0...1),
            (.temperature, .gpuTemperature, policy.temperature, thresholds.temperature, 0...120),
        ]
        for (metric, kind, level, colour, range) in cases {
            let legend = HeatmapLegend(metric: metric, thresholds: policy)
            let rule = try #require(rules.rule(kind))
            // Every value on a fine grid, and the levels themselves and just past them.
            let grid = stride(from: range.lowerBound, through: range.upperBound, by: (range.upperBound - range.lowerBound) / 400)
            for value in Array(grid) + [level.warn, level.critical, level.warn.nextUp, level.critical.nextUp] {
                let verdict = ThresholdPolicy.verdict(value, level)
                #expect(colour(value) == Self.role(verdict), "\(metric) \(value): colour")
                let bucket = try #require(legend.level(of: value))
                #expect(
                    (bucket >= 3) == (verdict != .ok) && (bucket == 4) == (verdict == .critical),
                    "\(metric) \(value): heatmap bucket \(bucket), verdict \(verdict)")
                #expect(rule.breaches(value) == (verdict != .ok), "\(metric) \(value): alert fires")
                #expect((rule.severity(for: value) == .critical) == (verdict == .critical), "\(metric) \(value): severity")
            }
        }
        #expect(Thresholds(policy).vram(nil) == .muted && Thresholds(policy).vram(.nan) == .muted)
    }

    @Test func aBadThresholdIsRefusedWithItsKey() {
        #expect(throws: ThresholdPolicy.Problem.self) { try ThresholdPolicy.default.applying(["vram_warn": 1.5]) }
        #expect(throws: ThresholdPolicy.Problem.self) { try ThresholdPolicy.default.applying(["vram_wran": 0.5]) }
        #expect(throws: ThresholdPolicy.Problem.self) {
            try ThresholdPolicy.default.applying(["kv_warn": 0.9, "kv_critical": 0.5])
        }
        #expect(throws: ThresholdPolicy.Problem.self) { try ThresholdPolicy.default.applying(["temp_critical": .nan]) }
    }
}
