import ClusterModel
import Testing

@testable import Insights

@Suite struct AlertEngineTests {
    typealias B = SnapshotBuilder

    /// One snapshot a second; `make(t)` builds frame t.
    func series(_ seconds: Int, _ make: (Int) -> ClusterSnapshot) -> [ClusterSnapshot] {
        (0..<seconds).map(make)
    }

    func timeMs(_ seconds: Int) -> Int64 { B.snapshot(Double(seconds)).timeMs }

    @Test func kvCacheFiresAfterThirtySecondsAndTheEventLastsUntilItClears() {
        // 10 s at 50 %, 50 s at 93–95 %, then back to 85 % (above the 80 % clear value) and 70 %.
        let frames = series(90) { t in
            let kv = t < 10 ? 0.5 : (t < 60 ? 0.93 + Double(t % 3) * 0.01 : (t < 70 ? 0.85 : 0.7))
            return B.snapshot(Double(t), instances: [B.instance("i1", kv: kv)])
        }
        var engine = AlertEngine()
        var changes: [(Int, AlertTransition)] = []
        for (t, frame) in frames.enumerated() { changes += engine.evaluate(frame).map { (t, $0) } }
        #expect(changes.map(\.0) == [40, 70])
        #expect(changes.map(\.1.kind) == [.fired, .resolved])
        let event = engine.log.events.first
        #expect(engine.log.events.count == 1)
        #expect(event?.rule == .kvCache)
        #expect(event?.startMs == timeMs(10))
        #expect(event?.endMs == timeMs(70))
        #expect(event?.durationText == "1m00s")
        #expect(abs((event?.peak ?? 0) - 0.95) < 1e-9)
        #expect(event?.severity == .warn)
        #expect(engine.active.isEmpty)
    }

    @Test func anOngoingAlertIsActiveWithItsPeakAndCurrentValue() {
        var engine = AlertEngine()
        for (t, vram) in [0.5, 0.97, 0.995, 0.96].enumerated() {
            _ = engine.evaluate(B.snapshot(Double(t), gpus: [B.gpu("n1", 0, vram: vram)]))
        }
        let alert = engine.active.first
        #expect(engine.active.count == 1)
        #expect(alert?.rule == .vram)
        #expect(alert?.subject.id == "n1/0")
        #expect(alert?.severity == .critical)
        #expect(abs((alert?.peak ?? 0) - 0.995) < 1e-9)
        #expect(alert?.current == 0.96)
        #expect(alert?.sinceMs == timeMs(1))
        #expect(engine.log.events.first?.isOngoing == true)
        #expect(engine.log.events.first?.durationText == "ongoing")
        #expect(engine.log.events.first?.durationSeconds(nowMs: timeMs(3)) == 2)
    }

    @Test func aTargetDownIsCriticalAndClearsWhenItAnswers() {
        let ups = [true, false, false, false, true]
        var engine = AlertEngine()
        var kinds: [AlertTransition.Kind] = []
        for (t, up) in ups.enumerated() {
            let target = TargetHealth(id: "http://n1:8000/metrics", up: up, consecutiveFailures: up ? 0 : t)
            kinds += engine.evaluate(B.snapshot(Double(t), targets: [target])).map(\.kind)
        }
        #expect(kinds == [.fired, .resolved])
        let event = engine.log.events.first
        #expect(event?.severity == .critical)
        #expect(event?.peak == 3)
        #expect(event?.durationSeconds(nowMs: 0) == 3)
    }

    @Test func anEngineTargetDownCarriesItsInstancesNode() {
        var engine = AlertEngine()
        let target = TargetHealth(id: "http://n7:8000/metrics", up: false, consecutiveFailures: 2)
        let instance = B.instance("http://n7:8000/metrics", node: "n7", state: .unreachable)
        _ = engine.evaluate(B.snapshot(0, instances: [instance], targets: [target]))
        #expect(engine.active.first?.subject.node == "n7")
        #expect(engine.active.first?.subject.label == "n7:8000")
    }

    @Test func aRestartFiresOnceWhileTheFlagLasts() {
        let states: [InstanceState] = [.ready, .restarted, .restarted, .ready, .ready]
        var engine = AlertEngine()
        var kinds: [AlertTransition.Kind] = []
        for (t, state) in states.enumerated() {
            kinds += engine.evaluate(B.snapshot(Double(t), instances: [B.instance("i1", state: state)])).map(\.kind)
        }
        #expect(kinds == [.fired, .resolved])
        // A counter reset seen in `restartedAtMs` alone holds the alert for the configured time.
        var held = AlertEngine()
        let reset = timeMs(0)
        for t in [0, 60, 119, 121] {
            _ = held.evaluate(B.snapshot(Double(t), instances: [B.instance("i1", restartedAtMs: reset)]))
            #expect(held.active.count == (t <= 120 ? 1 : 0))
        }
    }

    @Test func aLoadLongerThanTenMinutesFiresAndTheLoadIsRecorded() {
        var engine = AlertEngine()
        var fired: Int?
        for t in stride(from: 0, through: 660, by: 5) {
            let state: InstanceState = t < 5 ? .ready : (t < 650 ? .loading : .ready)
            let snapshot = B.snapshot(Double(t), instances: [B.instance("i1", state: state)])
            for change in engine.evaluate(snapshot) where change.kind == .fired { fired = t }
        }
        #expect(fired == 610)
        #expect(engine.active.isEmpty)
        #expect(engine.log.events.first?.durationSeconds(nowMs: 0) == 40)
        let record = engine.loads.history.first
        #expect(record?.durationSeconds == 645)
        #expect(record?.outcome == .ready)
        #expect(record?.startKnown == true)
    }

    @Test func aGrowingQueueFiresAfterAMinuteAndALongSteadyQueueDoesNot() {
        var engine = AlertEngine()
        var firedAt: Int?
        for t in 0..<120 {
            let growing = B.instance("grow", waiting: Double(t) * 0.5)
            let steady = B.instance("flat", waiting: 40 + Double(t % 2))
            for change in engine.evaluate(B.snapshot(Double(t), instances: [growing, steady])) where change.kind == .fired {
                #expect(change.alert.subject.id == "grow")
                firedAt = t
            }
        }
        // The slope is known once points span half of the 30 s window, then must hold 60 s.
        #expect(firedAt == 75)
        #expect(engine.active.map(\.subject.id) == ["grow"])
        #expect(abs((engine.active.first?.current ?? 0) - 0.5) < 1e-9)
    }

    @Test func latencyAndPreemptionRulesUseTheirDefaults() {
        var engine = AlertEngine()
        _ = engine.evaluate(
            B.snapshot(
                0,
                instances: [
                    B.instance("slow", ttftP95: 2.5), B.instance("ok", ttftP95: 1.9),
                    B.instance("evict", preemptions: 3),
                ]))
        #expect(
            engine.active.map { "\($0.rule.rawValue) \($0.subject.id)" }.sorted()
                == ["preemptions evict", "ttft_slo slow"])
    }

    @Test func aGPUFarHotterThanItsNodeOrThrottlingIsFlagged() {
        let gpus = [
            B.gpu("n1", 0, temp: 60), B.gpu("n1", 1, temp: 62), B.gpu("n1", 2, temp: 61),
            B.gpu("n1", 3, temp: 79, clock: 1200),
            B.gpu("n1", 4, util: 0.05, temp: 40, clock: 400),
            B.gpu("n2", 0, temp: 88),
        ]
        var engine = AlertEngine()
        for t in 0...15 { _ = engine.evaluate(B.snapshot(Double(t), gpus: gpus)) }
        let fired = engine.active.map { "\($0.rule.rawValue) \($0.subject.id)" }.sorted()
        // n1/3 is 18 °C above its peers' median (61) and clocks at 61 % of the busy H100s; the idle n1/4 is
        // not throttling; n2/0 has no peers on its node but is over 85 °C.
        #expect(fired == ["gpu_hotter_than_peers n1/3", "gpu_temperature n2/0", "gpu_throttling n1/3"])
    }

    /// Cold start: two GPUs serve while two load their weights. The busy ones run 28 °C above the idle ones, as busy
    /// GPUs do; they are compared with each other, and nothing fires.
    @Test func busyGPUsBesideIdleOnesAreNotHotterThanTheirPeers() {
        var engine = AlertEngine()
        for t in 0...120 {
            let gpus = [
                B.gpu("n1", 0, util: 1, temp: 63), B.gpu("n1", 1, util: 0.9, temp: 62), B.gpu("n1", 2, util: 1, temp: 63),
                B.gpu("n1", 3, util: 0, temp: 35), B.gpu("n1", 4, util: 0, temp: 35), B.gpu("n1", 5, util: 0, temp: 36),
            ]
            _ = engine.evaluate(B.snapshot(Double(t), gpus: gpus))
        }
        #expect(engine.log.events.isEmpty, "\(engine.log.events.map { "\($0.rule) \($0.subject.id)" })")
    }

    /// A GPU that runs hot at its peers' load fires, and a peer's idle second (its utilization reads 0 now and
    /// then) does not take its peers away: one event, still going. An idle GPU hotter than its busy peers fires too.
    @Test func aHotGPUAtItsPeersLoadFiresOnceThoughAPeerIdlesASecond() {
        var engine = AlertEngine()
        for t in 0...120 {
            let gpus = [
                B.gpu("n1", 0, util: 0.9, temp: 80), B.gpu("n1", 1, util: t % 7 == 0 ? 0 : 0.8, temp: 61),
                B.gpu("n1", 2, util: t % 5 == 0 ? 0 : 0.9, temp: 62), B.gpu("n1", 3, util: 1, temp: 61),
                B.gpu("n2", 0, util: 0.02, temp: 82), B.gpu("n2", 1, temp: 60), B.gpu("n2", 2, temp: 61),
            ]
            _ = engine.evaluate(B.snapshot(Double(t), gpus: gpus))
        }
        let events = engine.log.events.map { "\($0.rule.rawValue) \($0.subject.id) \($0.endMs == nil ? "ongoing" : "ended")" }
        #expect(events.sorted() == ["gpu_hotter_than_peers n1/0 ongoing", "gpu_hotter_than_peers n2/0 ongoing"])
    }

    @Test func aVanishedOrStaleSubjectEndsItsAlert() {
        var engine = AlertEngine()
        _ = engine.evaluate(B.snapshot(0, gpus: [B.gpu("n1", 0, vram: 0.99), B.gpu("n1", 1, vram: 0.99)]))
        let changes = engine.evaluate(B.snapshot(1, gpus: [B.gpu("n1", 0, vram: 0.99, stale: true)]))
        #expect(changes.map(\.kind) == [.resolved, .resolved])
        #expect(engine.active.isEmpty)
        #expect(engine.log.events.allSatisfy { $0.endMs == timeMs(1) })
    }

    @Test func disabledRulesNeverFireAndOldSnapshotsAreIgnored() {
        var configuration = AlertRuleConfiguration()
        configuration.rules[.vram]?.enabled = false
        var engine = AlertEngine(configuration: configuration)
        _ = engine.evaluate(B.snapshot(5, gpus: [B.gpu("n1", 0, vram: 0.99)]))
        #expect(engine.active.isEmpty)
        var live = AlertEngine()
        _ = live.evaluate(B.snapshot(5, gpus: [B.gpu("n1", 0, vram: 0.99)]))
        #expect(live.evaluate(B.snapshot(4, gpus: [B.gpu("n1", 0, vram: 0.5)])).isEmpty)
        #expect(live.active.count == 1)
    }

    @Test func replayingTheRecordedSnapshotsRebuildsTheSameLog() {
        let frames = series(200) { t in
            let vram = 0.85 + 0.13 * Double((t / 20) % 2)
            return B.snapshot(
                Double(t), gpus: [B.gpu("n1", 0, vram: vram)],
                instances: [B.instance("i1", kv: t % 50 < 40 ? 0.95 : 0.5)])
        }
        var live = AlertEngine()
        for frame in frames { _ = live.evaluate(frame) }
        let rebuilt = AlertEngine.replaying(frames)
        #expect(rebuilt.log == live.log)
        #expect(rebuilt.active == live.active)
        #expect(live.log.events.filter { $0.rule == .vram }.count == 5)
        #expect(live.log.events.filter { $0.rule == .kvCache }.map(\.durationText) == ["40s", "40s", "40s", "40s"])
    }
}
