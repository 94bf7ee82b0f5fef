/// The replay's one-line timeline: play state and speed, the playhead's offset and the recording's length, a bar
/// with the playhead and marks where targets went down or came back (the `g` prompt, `SeekPrompt`, covers it).
///
///     ▶ ×4  12:30 / 1:00:00  ━━━━━━━━━━━━●──────╳─────────────  ← → step  [ ] speed  g go to
package enum TimelineBar {
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ status: ReplayStatus) {
        guard rect.width > 0, rect.height > 0 else { return }
        canvas.fill(rect, role: .header)
        let y = rect.y
        var x = rect.x
        let play = status.atEnd ? "■" : (status.paused ? "❚❚" : "▶")
        x += canvas.write(
            "\(play) ×\(speedText(status.speed))  ", x: x, y: y, role: status.paused ? .warn : .accent,
            maxWidth: rect.maxX - x)
        let position = ReplayTimeText.format(offsetMs: status.positionMs - status.startMs)
        let length = ReplayTimeText.format(offsetMs: status.endMs - status.startMs)
        x += canvas.write("\(position) / \(length)  ", x: x, y: y, role: .text, maxWidth: rect.maxX - x)
        let hints = status.damage.map { "  stopped: \($0)" } ?? "  ← → step  [ ] speed  g go to"
        let hintWidth = min(hints.count, max(0, rect.maxX - x - 10))
        let barWidth = rect.maxX - x - hintWidth
        if barWidth >= 4 { drawBar(&canvas, x: x, y: y, width: barWidth, status) }
        if hintWidth > 0 {
            canvas.write(
                hints, x: rect.maxX - hintWidth, y: y, role: status.damage == nil ? .muted : .critical,
                maxWidth: hintWidth)
        }
    }

    private static func drawBar(_ canvas: inout Canvas, x: Int, y: Int, width: Int, _ status: ReplayStatus) {
        let span = max(1, status.endMs - status.startMs)
        func column(_ timeMs: Int64) -> Int {
            x + Int((Double(min(max(timeMs - status.startMs, 0), span)) / Double(span) * Double(width - 1)).rounded())
        }
        let head = column(status.positionMs)
        for c in x..<(x + width) {
            canvas.put(c < head ? "━" : "─", x: c, y: y, role: c < head ? .accent : .muted)
        }
        for time in status.eventTimesMs {
            canvas.put("╳", x: column(time), y: y, role: .warn)
        }
        canvas.put("●", x: head, y: y, role: .accent)
    }

    static func speedText(_ speed: Double) -> String {
        speed == speed.rounded() ? String(Int(speed)) : String(speed)
    }
}
