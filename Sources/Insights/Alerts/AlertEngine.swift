import ClusterModel

/// Evaluates the alert rules over successive snapshots and keeps the event log. Time comes only from
/// `snapshot.timeMs`, so live, replay and tests behave alike; the same snapshots always give the same
/// alerts and events. Keep one beside the store (it must outlive screen changes); a replay that
/// seeks back resumes a copy taken while playing (`ReplayPlayer`).
package struct AlertEngine: Sendable {
    package let configuration: AlertRuleConfiguration
    package private(set) var log: EventLog
    /// Model loads seen so far (the cold-start screen reads them; the slow-load rule needs them).
    package private(set) var loads: LoadTracker
    /// The time of the last snapshot evaluated.
    package private(set) var lastTimeMs: Int64?
    private var tracked: [Key: Tracked] = [:]
    private var queue = QueueTrend()
    private var thermal = ThermalLoad()

    private struct Key: Hashable, Sendable {
        var rule: AlertRuleKind
        var kind: AlertSubject.Kind
        var id: String
    }

    private struct Tracked: Sendable {
        var machine = ThresholdMachine()
        var subject: AlertSubject
        var eventID: Int?
    }

    package init(configuration: AlertRuleConfiguration = .default) {
        self.configuration = configuration
        self.log = EventLog(capacity: configuration.eventLogCapacity)
        self.loads = LoadTracker()
    }

    /// An engine that has evaluated `snapshots` in order: the event log of a recording.
    package static func replaying<S: Sequence>(
        _ snapshots: S, configuration: AlertRuleConfiguration = .default
    )
        -> AlertEngine where S.Element == ClusterSnapshot
    {
        var engine = AlertEngine(configuration: configuration)
        for snapshot in snapshots { _ = engine.evaluate(snapshot) }
        return engine
    }

    /// The alerts firing now: critical first, then the oldest.
    package var active: [Alert] {
        // Every field of the id takes part, so the order never depends on the dictionary's.
        tracked.compactMap { key, entry in alert(key, entry) }.sorted {
            ($0.severity, $1.sinceMs, $1.subject, $1.rule.rawValue) > ($1.severity, $0.sinceMs, $0.subject, $0.rule.rawValue)
        }
    }

    /// Steps every rule for every subject to the snapshot's time; returns what changed. A snapshot not newer
    /// than the last one changes nothing (replay must rebuild after seeking backwards).
    package mutating func evaluate(_ snapshot: ClusterSnapshot) -> [AlertTransition] {
        if let lastTimeMs, snapshot.timeMs <= lastTimeMs { return [] }
        lastTimeMs = snapshot.timeMs
        let index = SnapshotIndex(snapshot)
        loads.observe(snapshot, index: index)
        queue.observe(snapshot, windowSeconds: configuration.queueTrendWindowSeconds)
        thermal.observe(snapshot)
        let signals = AlertSignals(
            snapshot: snapshot, index: index, configuration: configuration, loads: loads,
            queue: queue, thermal: thermal)
        var changes: [AlertTransition] = []
        var seen = Set<Key>(minimumCapacity: tracked.count)
        // Only subjects with a breach, or with a machine already running, are kept: thousands of healthy GPUs cost
        // no memory, and no bookkeeping beyond this check (no lookup at all for a rule that tracks nothing).
        let trackingRules = Set(tracked.keys.map(\.rule))
        for signal in signals.compute() {
            guard let rule = configuration.rule(signal.kind) else { continue }
            let breach = signal.value.map { rule.breaches($0) } ?? false
            if !breach && !trackingRules.contains(signal.kind) { continue }
            let key = Key(rule: signal.kind, kind: signal.subjectKind, id: signal.id)
            let known = tracked[key]
            if !breach && known == nil { continue }
            let subject = signals.subject(of: signal)
            var entry = known ?? Tracked(subject: subject)
            entry.subject = subject
            seen.insert(key)
            step(key, entry, value: signal.value, rule: rule, timeMs: snapshot.timeMs, into: &changes)
        }
        for (key, entry) in tracked where !seen.contains(key) {
            let rule = configuration.rules[key.rule] ?? AlertRuleConfiguration.defaultRules[key.rule]!
            step(key, entry, value: nil, rule: rule, timeMs: snapshot.timeMs, into: &changes)
        }
        return changes
    }

    /// Steps `entry`, the subject's tracked state (new or kept), and keeps it unless its machine went idle.
    private mutating func step(
        _ key: Key, _ entry: Tracked, value: Double?, rule: AlertRule, timeMs: Int64,
        into changes: inout [AlertTransition]
    ) {
        var entry = entry
        let before = alert(key, entry)
        let change = entry.machine.step(timeMs: timeMs, value: value, rule: rule)
        switch change {
        case .fired:
            entry.eventID = log.start(
                rule: key.rule, subject: entry.subject, severity: entry.machine.severity,
                startMs: sinceMs(entry.machine) ?? timeMs, peak: entry.machine.peak ?? 0)
        case .resolved:
            if let id = entry.eventID { log.end(id: id, atMs: timeMs) }
            entry.eventID = nil
        case .escalated, nil:
            if let id = entry.eventID, let peak = entry.machine.peak {
                log.update(id: id, peak: peak, severity: entry.machine.severity)
            }
        }
        if entry.machine.isIdle {
            tracked.removeValue(forKey: key)
        } else {
            tracked[key] = entry
        }
        let reported: Alert? = change == .resolved ? before : alert(key, entry)
        guard let change, var reported else { return }
        if change == .resolved { reported.current = value }
        let kind: AlertTransition.Kind = change == .fired ? .fired : (change == .escalated ? .escalated : .resolved)
        changes.append(AlertTransition(kind: kind, alert: reported, timeMs: timeMs))
    }

    private func sinceMs(_ machine: ThresholdMachine) -> Int64? {
        if case .firing(let since, _) = machine.phase { return since }
        return nil
    }

    private func alert(_ key: Key, _ entry: Tracked) -> Alert? {
        guard case .firing(let since, let fired) = entry.machine.phase, let peak = entry.machine.peak,
            let eventID = entry.eventID
        else { return nil }
        return Alert(
            rule: key.rule, subject: entry.subject, severity: entry.machine.severity, sinceMs: since,
            firedMs: fired, peak: peak, current: entry.machine.current, eventID: eventID)
    }
}
