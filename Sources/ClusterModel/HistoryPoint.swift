/// One point of a history line: the frame's time and the value then (nil where it was absent, which a
/// chart draws as a gap, never as 0).
package struct HistoryPoint: Sendable, Hashable {
    package var timeMs: Int64
    package var value: Double?

    package init(timeMs: Int64, value: Double?) {
        self.timeMs = timeMs
        self.value = value
    }
}
