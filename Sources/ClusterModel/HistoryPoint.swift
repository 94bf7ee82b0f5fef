/// One point of a history line: the frame's time and the value then (nil where it was absent, which a
/// chart draws as a gap, never as 0).
public struct HistoryPoint: Sendable, Hashable {
    public var timeMs: Int64
    public var value: Double?

    public init(timeMs: Int64, value: Double?) {
        self.timeMs = timeMs
        self.value = value
    }
}
