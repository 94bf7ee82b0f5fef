import Formatting
import Testing

@testable import Insights

@Suite struct AlertConfigurationTests {
    func failure(_ rules: [String: [String: String]], _ parameters: [String: String] = [:]) -> String? {
        do {
            _ = try AlertRuleConfiguration.default.applying(rules: rules, parameters: parameters)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaultsAreTheIssues() throws {
        let rules = AlertRuleConfiguration.default
        #expect(rules.rule(.vram)?.threshold == 0.95)
        #expect(rules.rule(.kvCache)?.threshold == 0.9)
        #expect(rules.rule(.kvCache)?.minimumDurationSeconds == 30)
        #expect(rules.rule(.queueGrowing)?.minimumDurationSeconds == 60)
        #expect(rules.rule(.ttftSLO)?.threshold == 2)
        #expect(rules.rule(.preemptions)?.threshold == 1)
        #expect(rules.rule(.slowLoad)?.threshold == 600)
        #expect(rules.rule(.gpuTemperature)?.threshold == 85)
        #expect(rules.rule(.gpuHotterThanPeers)?.threshold == 15)
        #expect(rules.rule(.targetDown)?.severity == .critical)
        #expect(Set(rules.rules.keys) == Set(AlertRuleKind.allCases))
    }

    @Test func textValuesUseEachRulesUnit() throws {
        let configuration = try AlertRuleConfiguration.default.applying(
            rules: [
                "vram": ["threshold": "97%", "clear": "92", "severity": "critical"],
                "ttft_slo": ["threshold": "500ms", "for": "1m"],
                "kv_cache": ["threshold": "85"],
                "gpu_throttling": ["enabled": "false"],
            ], parameters: ["trend_window": "45s", "event_log_size": "50"])
        let vram = try #require(configuration.rule(.vram))
        #expect(abs(vram.threshold - 0.97) < 1e-12)
        #expect(abs(vram.clearThreshold - 0.92) < 1e-12)
        #expect(vram.severity == .critical)
        #expect(configuration.rule(.ttftSLO)?.threshold == 0.5)
        #expect(configuration.rule(.ttftSLO)?.minimumDurationSeconds == 60)
        // A new threshold alone keeps the default margin to the clear value (90 → 80 becomes 85 → 75).
        #expect(abs((configuration.rule(.kvCache)?.clearThreshold ?? 0) - 0.75) < 1e-12)
        #expect(configuration.rule(.gpuThrottling) == nil)
        #expect(configuration.queueTrendWindowSeconds == 45)
        #expect(configuration.eventLogCapacity == 50)
    }

    @Test func badValuesNameTheKey() {
        #expect(
            failure(["vram": ["threshold": "lots"]])
                == "alerts.vram.threshold: expected a percentage like 95 or 95%, got 'lots'")
        #expect(
            failure(["ttft_slo": ["for": "soon"]])
                == "alerts.ttft_slo.for: expected a duration like 30s, 500ms or 10m, got 'soon'")
        #expect(failure(["vram": ["clear": "99"]]) == "alerts.vram.clear: must be at most the threshold (95%)")
        #expect(failure(["vram": ["severity": "panic"]]) == "alerts.vram.severity: expected warn or critical, got 'panic'")
        #expect(failure(["vram": ["enabled": "maybe"]]) == "alerts.vram.enabled: expected true or false, got 'maybe'")
        #expect(failure(["vram": ["treshold": "90"]])?.hasPrefix("alerts.vram.treshold: unknown key; known: enabled") == true)
        #expect(failure(["vrm": [:]])?.hasPrefix("alerts.vrm: unknown rule; known rules: vram, kv_cache") == true)
        #expect(failure([:], ["window": "3"])?.hasPrefix("alerts.window: unknown setting") == true)
    }

    /// Issue 14, class 2: every number of the `alerts:` section has a range, so that none reaches a conversion
    /// that traps (`restart_hold: 1e300` made `Int64(seconds * 1000)` trap on the first restart) or sizes an
    /// event log by the memory (`event_log_size: 1e18`).
    @Test(arguments: ["1e300", "-1e300", "1e18", "99999999999999999999999", "1e300h", "nan", "inf", "-inf", "x1"])
    func everyNumberIsRefusedOutsideItsRange(value: String) {
        for kind in AlertRuleKind.allCases {
            for key in ["threshold", "clear", "critical", "for"] {
                let refusal = failure([kind.rawValue: [key: value]])
                #expect(
                    refusal?.hasPrefix("alerts.\(kind.rawValue).\(key): expected ") == true,
                    "\(kind.rawValue).\(key) = \(value): \(refusal ?? "accepted")")
            }
        }
        for parameter in AlertRuleConfiguration.parameterKeys {
            let refusal = failure([:], [parameter: value])
            #expect(
                refusal?.hasPrefix("alerts.\(parameter): expected ") == true, "\(parameter) = \(value): \(refusal ?? "accepted")")
        }
    }

    @Test func theRefusalSaysTheRangeInTheUnitOfTheFile() {
        #expect(failure([:], ["restart_hold": "1e300"]) == "alerts.restart_hold: expected 0s to 168h, got '1e300'")
        #expect(failure([:], ["event_log_size": "1e18"]) == "alerts.event_log_size: expected 1 to 100000, got '1e18'")
        #expect(failure([:], ["min_peers": "0"]) == "alerts.min_peers: expected 1 to 10000, got '0'")
        #expect(failure(["kv_cache": ["threshold": "150%"]]) == "alerts.kv_cache.threshold: expected 0% to 100%, got '150%'")
        #expect(
            failure(["gpu_temperature": ["threshold": "1e300"]])
                == "alerts.gpu_temperature.threshold: expected -100 to 200, got '1e300'")
        #expect(failure(["ttft_slo": ["for": "-5s"]]) == "alerts.ttft_slo.for: expected 0s to 168h, got '-5s'")
        #expect(failure([:], ["trend_window": "168h", "min_peers": "10000", "event_log_size": "100000"]) == nil)
    }

    @Test func valuesAreFormattedInTheirUnits() {
        // As every screen writes each kind (issue 18, class 4).
        #expect(AlertRuleKind.vram.format(0.9612) == "96%")
        #expect(AlertRuleKind.gpuHotterThanPeers.format(27) == "+27°C")
        #expect(AlertRuleKind.ttftSLO.format(2.4) == "2.40s")
        #expect(AlertRuleKind.ttftSLO.format(0.42) == "420ms")
        #expect(AlertRuleKind.slowLoad.format(78) == "1m18s")
        #expect(AlertRuleKind.slowLoad.format(725) == "12m05s")
        #expect(AlertRuleKind.queueGrowing.format(0.31) == "+0.31/s")
        #expect(AlertRuleKind.gpuTemperature.format(87.4) == "87°C")
        #expect(AlertRuleKind.targetDown.format(12) == "12×")
        #expect(AlertRuleKind.engineRestart.format(1) == "yes")
        #expect(AlertRuleKind.vram.format(nil) == "—")
        #expect(Format.duration(3725) == "1h02m")
        #expect(Format.fixed(-0.004, 2) == "0.00")
        #expect(Format.fixed(-1.5, 1) == "-1.5")
    }

    @Test func theEventLogIsBoundedAndDropsEndedEventsFirst() {
        var log = EventLog(capacity: 3)
        let subject = AlertSubject(kind: .gpu, id: "n/0")
        let first = log.start(rule: .vram, subject: subject, severity: .warn, startMs: 0, peak: 1)
        let second = log.start(rule: .vram, subject: subject, severity: .warn, startMs: 1, peak: 1)
        log.end(id: second, atMs: 2)
        _ = log.start(rule: .vram, subject: subject, severity: .warn, startMs: 3, peak: 1)
        _ = log.start(rule: .vram, subject: subject, severity: .warn, startMs: 4, peak: 1)
        #expect(log.events.map(\.id) == [first, 3, 4])
        #expect(log.droppedCount == 1)
        log.update(id: first, peak: 2, severity: .critical)
        log.update(id: first, peak: 3, severity: .warn)
        #expect(log.event(id: first)?.peak == 3)
        #expect(log.event(id: first)?.severity == .critical)
        #expect(log.newestFirst.map(\.id) == [4, 3, first])
        #expect(log.ongoing.count == 3)
    }
}
