import Testing

@testable import Insights

@Suite struct ThresholdMachineTests {
    /// Steps a machine once a second through `values`; returns each step's change.
    func run(_ values: [Double?], rule: AlertRule) -> (ThresholdMachine, [ThresholdMachine.Change?]) {
        var machine = ThresholdMachine()
        let changes = values.enumerated().map { machine.step(timeMs: Int64($0.offset) * 1000, value: $0.element, rule: rule) }
        return (machine, changes)
    }

    @Test func firesAtOnceWithoutMinimumDuration() {
        let (machine, changes) = run([0.5, 0.96], rule: AlertRule(threshold: 0.95, clearThreshold: 0.9))
        #expect(changes == [nil, .fired])
        #expect(machine.phase == .firing(sinceMs: 1000, firedMs: 1000))
        #expect(machine.peak == 0.96)
    }

    @Test func wobblingAroundTheThresholdFiresOnce() {
        let rule = AlertRule(threshold: 0.95, clearThreshold: 0.90)
        let values: [Double?] = [0.94, 0.96, 0.94, 0.955, 0.93, 0.97, 0.91, 0.96, 0.89, 0.96]
        let (_, changes) = run(values, rule: rule)
        #expect(changes.compactMap { $0 } == [.fired, .resolved, .fired])
        #expect(changes[8] == .resolved)
    }

    @Test func minimumDurationMustHoldWithoutInterruption() {
        let rule = AlertRule(threshold: 0.9, clearThreshold: 0.8, minimumDurationSeconds: 30)
        // 29 s above, one dip below the threshold (but above the clear value): pending starts again.
        var values: [Double?] = Array(repeating: 0.95, count: 30) + [0.85]
        values += Array(repeating: 0.95, count: 31)
        let (machine, changes) = run(values, rule: rule)
        let firedAt = changes.firstIndex(of: .fired)
        #expect(firedAt == 61)
        #expect(machine.phase == .firing(sinceMs: 31_000, firedMs: 61_000))
    }

    @Test func firesExactlyWhenTheDurationIsReached() {
        let rule = AlertRule(threshold: 0.9, minimumDurationSeconds: 30)
        let (_, changes) = run(Array(repeating: 0.95, count: 31), rule: rule)
        #expect(changes.firstIndex(of: .fired) == 30)
        #expect(changes.compactMap { $0 }.count == 1)
    }

    @Test func escalatesToCriticalAndKeepsTheWorstValue() {
        let rule = AlertRule(threshold: 0.95, clearThreshold: 0.9, criticalThreshold: 0.99)
        let (machine, changes) = run([0.96, 0.995, 0.97], rule: rule)
        #expect(changes == [.fired, .escalated, nil])
        #expect(machine.severity == .critical)
        #expect(machine.peak == 0.995)
        #expect(machine.current == 0.97)
    }

    @Test func belowRulesMirrorTheComparisons() {
        let rule = AlertRule(direction: .below, threshold: 0.75, clearThreshold: 0.85)
        let (machine, changes) = run([0.9, 0.7, 0.6, 0.8, 0.86], rule: rule)
        #expect(changes == [nil, .fired, nil, nil, .resolved])
        #expect(machine.isIdle)
    }

    @Test func aMissingValueEndsAFiringAlertAndResetsAPendingOne() {
        let firing = run([0.99, nil], rule: AlertRule(threshold: 0.95))
        #expect(firing.1 == [.fired, .resolved])
        let pending = run([0.99, nil, 0.99], rule: AlertRule(threshold: 0.95, minimumDurationSeconds: 1))
        #expect(pending.1 == [nil, nil, nil])
        #expect(pending.0.phase == .pending(sinceMs: 2000))
    }

    @Test func aClearThresholdOnTheBadSideIsClamped() {
        #expect(AlertRule(threshold: 0.9, clearThreshold: 0.95).clearThreshold == 0.9)
        #expect(AlertRule(direction: .below, threshold: 0.75, clearThreshold: 0.5).clearThreshold == 0.75)
    }
}
