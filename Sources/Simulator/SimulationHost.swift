import Synchronization

/// A simulation running against real time: virtual time advances with real time × `speed`, and each request
/// for a page first brings the simulation up to now. Shared by the HTTP server and its ticker, so it locks.
package final class SimulationHost: Sendable {
    /// What a path answers: status code, body and content type.
    package struct Reply: Sendable {
        package var status: Int
        package var body: [UInt8]
        package var contentType: String
    }

    package static let expositionContentType = "text/plain; version=0.0.4; charset=utf-8"

    private struct State: Sendable {
        var simulator: ClusterSimulator
        var virtualStartMs: Int64
        var realStart: ContinuousClock.Instant
    }

    private let state: Mutex<State>
    private let clock: ContinuousClock
    package let speed: Double
    package let targets: [SimTarget]
    private let targetsByPath: [String: SimTarget]

    package init(simulator: ClusterSimulator, speed: Double? = nil, clock: ContinuousClock = ContinuousClock()) {
        self.clock = clock
        self.speed = speed ?? simulator.options.speed
        self.targets = simulator.targets
        self.targetsByPath = Dictionary(uniqueKeysWithValues: simulator.targets.map { ($0.path, $0) })
        state = Mutex(State(simulator: simulator, virtualStartMs: simulator.nowMs, realStart: clock.now))
    }

    /// Advances the simulation to the virtual time that corresponds to the real time now.
    package func catchUp() {
        let now = clock.now
        state.withLock { state in
            let real = state.realStart.duration(to: now)
            let realMs = Double(real.components.seconds) * 1000 + Double(real.components.attoseconds) / 1e15
            state.simulator.advance(toMs: state.virtualStartMs + Int64(realMs * speed))
        }
    }

    /// A copy of the simulation as it is now (after catching up).
    package func snapshot() -> ClusterSimulator {
        catchUp()
        return state.withLock { $0.simulator }
    }

    /// The answer to a GET of `path`; `address` (host:port) is what the `/targets.json` listing points at.
    package func reply(path: String, address: String) -> Reply {
        if path == "/targets.json" {
            return Reply(
                status: 200, body: FileSD.json(targets: targets, address: address),
                contentType: "application/json")
        }
        if path == "/" {
            let lines = targets.map { "\($0.path)  \($0.id)\n" }.joined()
            return Reply(status: 200, body: Array(lines.utf8), contentType: "text/plain; charset=utf-8")
        }
        guard let target = targetsByPath[path] else {
            return Reply(
                status: 404, body: Array("no simulated target at \(path); see / for the list\n".utf8),
                contentType: "text/plain; charset=utf-8")
        }
        catchUp()
        let (page, status, scenario) = state.withLock { state in
            (
                state.simulator.page(for: target), state.simulator.status(of: target),
                state.simulator.options.scenario.rawValue
            )
        }
        guard let page else {
            let why = "\(target.id) is \(status.rawValue) in the \(scenario) scenario\n"
            return Reply(status: 503, body: Array(why.utf8), contentType: "text/plain; charset=utf-8")
        }
        return Reply(status: 200, body: page, contentType: Self.expositionContentType)
    }
}
