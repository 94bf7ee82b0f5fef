import ClusterModel
import Dashboard
import Ingest

/// A recording as a dashboard source: plays it at a speed (0.25× to 64×) against real time, and obeys the
/// user's pause, step, speed and seek commands. The header shows where it is and how fast it goes.
package struct ReplayRunner: ClusterSource {
    package let path: String
    package let source: ReplaySource
    package let intervalMs: Int64
    package let initialSpeed: Double
    package let startAtMs: Int64?
    /// The shortest sleep between two wakes. The loop sleeps until the picture next changes (about once a round
    /// of scrapes) or a command comes: woken every 50 ms, a 64-GPU replay at 1x spent half its CPU waking.
    private let tick: Duration
    private let now: @Sendable () -> ContinuousClock.Instant

    package static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64]

    package init(
        path: String, source: ReplaySource, intervalMs: Int64, speed: Double = 1, startAtMs: Int64? = nil,
        tick: Duration = .milliseconds(50), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        self.path = path
        self.source = source
        self.intervalMs = intervalMs
        self.initialSpeed = speed
        self.startAtMs = startAtMs
        self.tick = tick
        self.now = now
    }

    package var description: String { "replay \(path)" }
    package var intervalSeconds: Double? { Double(intervalMs) / 1000 }

    package func run(driver: PipelineDriver, commands: AsyncStream<FeedCommand>?) async throws {
        // Shown from the recording's start: its first seconds' rates over the time recorded, as live.
        var player = ReplayPlayer(
            source: source, intervalMs: intervalMs,
            modelConfiguration: ModelConfiguration(shortensYoungWindows: true))
        var state = ReplayState(speed: initialSpeed)
        let events = source.healthChangeTimesMs
        player.seek(toMs: startAtMs ?? player.startTimeMs)
        await driver.show(player.pipeline, status: state.status(player, events: events))
        let inbox = CommandInbox(commands)
        var last = now()
        var wait = tick
        while !Task.isCancelled {
            try await inbox.wait(upTo: wait)
            let current = now()
            let elapsed = current - last
            last = current
            var moved = false
            for command in inbox.drain() { moved = state.apply(command, to: &player) || moved }
            if !state.paused && !player.atEnd {
                let advanceMs = Int64((elapsed / .milliseconds(1) * state.speed).rounded())
                let playhead = max(state.playheadMs ?? player.positionMs, player.positionMs) + advanceMs
                state.playheadMs = playhead
                moved = player.play(toMs: playhead) || moved
            }
            if moved || state.changed {
                state.changed = false
                await driver.show(player.pipeline, status: state.status(player, events: events))
            }
            wait = state.wait(untilMs: player.nextChangeMs(), from: player, tick: tick)
        }
    }
}

/// The user-controlled part of a replay: speed, pause, and the playhead between frames.
struct ReplayState {
    var speed: Double
    var paused = false
    var playheadMs: Int64?
    var changed = false

    /// Applies one command; returns whether the picture moved.
    mutating func apply(_ command: FeedCommand, to player: inout ReplayPlayer) -> Bool {
        changed = true
        switch command {
        case .pause: paused = true
        case .resume: paused = false
        case .chartWindow, .detail: changed = false
        case .replay(let move):
            switch move {
            case .stepForward: player.stepForward()
            case .stepBackward: player.stepBackward()
            case .faster: speed = ReplayRunner.speeds.first { $0 > speed } ?? speed
            case .slower: speed = ReplayRunner.speeds.last { $0 < speed } ?? speed
            case .start: player.seek(toMs: player.startTimeMs)
            case .end: player.seek(toMs: player.endTimeMs)
            case .seek(let offsetMs): player.seek(toMs: player.startTimeMs + offsetMs)
            }
            playheadMs = player.positionMs
            return true
        }
        return false
    }

    /// The longest a loop waiting for commands sleeps: paused, at the end, or between rounds far apart.
    static let idleWait = Duration.seconds(1)

    /// How long to sleep before the picture next changes at `dueMs` (recording time; nil: never), at least `tick`
    /// (at high speed several rounds are played at one wake, as the screen shows only the newest).
    func wait(untilMs dueMs: Int64?, from player: ReplayPlayer, tick: Duration) -> Duration {
        guard !paused, !player.atEnd, let dueMs else { return Self.idleWait }
        let playhead = max(playheadMs ?? player.positionMs, player.positionMs)
        let wait = Duration.milliseconds(Double(max(0, dueMs - playhead)) / speed)
        return min(max(wait, tick), Self.idleWait)
    }

    func status(_ player: ReplayPlayer, events: [Int64]) -> ReplayStatus {
        ReplayStatus(
            startMs: player.startTimeMs, endMs: player.endTimeMs, positionMs: player.positionMs, speed: speed,
            paused: paused, atEnd: player.atEnd, damage: player.damage?.description, eventTimesMs: events)
    }
}
