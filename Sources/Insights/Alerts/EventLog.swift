/// The bounded history of alerts, oldest first: it outlives screens (the caller keeps it beside the store)
/// and, in replay, is rebuilt by evaluating the recorded snapshots again. When full, the oldest ended
/// event makes room; ongoing events are dropped only when every kept event is ongoing.
package struct EventLog: Sendable, Hashable {
    package let capacity: Int
    /// Ordered by id, so ids can be found by binary search.
    package private(set) var events: [AlertEvent] = []
    /// Events dropped to stay within the capacity.
    package private(set) var droppedCount = 0
    private var nextID = 1

    package init(capacity: Int = 500) {
        self.capacity = max(1, capacity)
    }

    package var ongoing: [AlertEvent] { events.filter(\.isOngoing) }

    /// Newest first, the order the event-log screen lists them in.
    package var newestFirst: [AlertEvent] { events.reversed() }

    package func event(id: Int) -> AlertEvent? {
        index(of: id).map { events[$0] }
    }

    /// Opens an event and returns its id.
    package mutating func start(
        rule: AlertRuleKind, subject: AlertSubject, severity: AlertSeverity, startMs: Int64,
        peak: Double
    ) -> Int {
        let id = nextID
        nextID += 1
        events.append(
            AlertEvent(
                id: id, rule: rule, subject: subject, severity: severity, startMs: startMs,
                peak: peak))
        if events.count > capacity {
            let victim = events.firstIndex { !$0.isOngoing } ?? 0
            events.remove(at: victim)
            droppedCount += 1
        }
        return id
    }

    /// Records a new peak and severity of an open event.
    package mutating func update(id: Int, peak: Double, severity: AlertSeverity) {
        guard let index = index(of: id) else { return }
        events[index].peak = peak
        events[index].severity = max(events[index].severity, severity)
    }

    /// Closes an event.
    package mutating func end(id: Int, atMs: Int64) {
        guard let index = index(of: id), events[index].endMs == nil else { return }
        events[index].endMs = atMs
    }

    private func index(of id: Int) -> Int? {
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low < events.count && events[low].id == id ? low : nil
    }
}
