/// Where a replay is, for the header and the timeline bar: its span, the playhead, the speed, and the
/// moments where something happened (targets going down or coming back).
package struct ReplayStatus: Sendable, Equatable {
    package var startMs: Int64
    package var endMs: Int64
    package var positionMs: Int64
    package var speed: Double
    package var paused: Bool
    package var atEnd: Bool
    /// Where a damaged recording stops being readable, said for a person.
    package var damage: String?
    /// Times (ms since the epoch) of the recording's health events, for marks on the timeline.
    package var eventTimesMs: [Int64]

    package init(
        startMs: Int64, endMs: Int64, positionMs: Int64, speed: Double, paused: Bool, atEnd: Bool,
        damage: String? = nil, eventTimesMs: [Int64] = []
    ) {
        self.startMs = startMs
        self.endMs = endMs
        self.positionMs = positionMs
        self.speed = speed
        self.paused = paused
        self.atEnd = atEnd
        self.damage = damage
        self.eventTimesMs = eventTimesMs
    }

    /// How far through the recording the playhead is, 0…1.
    package var fraction: Double {
        endMs > startMs ? min(1, max(0, Double(positionMs - startMs) / Double(endMs - startMs))) : 1
    }
}
