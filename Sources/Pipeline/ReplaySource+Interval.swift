import Ingest

extension ReplaySource {
    /// The scrape interval: a recording's header says it; for dumps it is the smallest gap between two dumps of
    /// one target (1 s when there is only one dump).
    package var intervalMs: Int64 {
        switch self {
        case .recording(let reader):
            return max(1, Int64((reader.header.intervalSeconds * 1000).rounded()))
        case .dumps(let dumps):
            var lastByTarget: [String: Int64] = [:]
            var smallest: Int64?
            for dump in dumps.dumps {
                if let last = lastByTarget[dump.target], dump.timeMs > last {
                    smallest = min(smallest ?? .max, dump.timeMs - last)
                }
                lastByTarget[dump.target] = dump.timeMs
            }
            return smallest ?? 1000
        }
    }
}

extension ReplaySource {
    /// The moments a target went down or came back (a recording repeats a down target's health every scrape;
    /// the timeline marks only the changes).
    package var healthChangeTimesMs: [Int64] {
        var up: [String: Bool] = [:]
        var times: [Int64] = []
        for event in healthEvents() {
            let previous = up[event.target]
            up[event.target] = event.up
            if previous != event.up && !(previous == nil && event.up) { times.append(event.timeMs) }
        }
        return times
    }
}
