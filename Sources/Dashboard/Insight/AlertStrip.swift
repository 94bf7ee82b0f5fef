import Formatting
import Insights

/// The active alerts in one line: a count by severity and the most urgent alerts, right-aligned in the row
/// it is given (the overview's footer, the breadcrumb line), so a problem is visible from every screen.
package enum AlertStrip {
    /// Draws the strip right-aligned in `rect`'s first row, in at most half of it; draws nothing when no alert is
    /// active. Returns the columns it took, so what shares the row (the key hints) is drawn beside it, not under.
    @discardableResult
    package static func drawSummary(_ canvas: inout Canvas, _ rect: Rect, _ alerts: [Alert], _ ctx: ViewContext) -> Int {
        guard !alerts.isEmpty, !rect.isEmpty else { return 0 }
        let critical = alerts.filter { $0.severity == .critical }.count
        var pieces: [FlowText.Piece] = [
            (" ▲ \(alerts.count) alert" + (alerts.count == 1 ? "" : "s"), critical > 0 ? .critical : .warn)
        ]
        if let first = alerts.first {
            pieces.append((": " + TextSanitizer.clean(first.rule.title + " " + first.subject.label), .text))
            pieces.append((" " + first.rule.format(first.current), InsightView.role(first.severity)))
        }
        if alerts.count > 1 { pieces.append((" +\(alerts.count - 1)", .muted)) }
        pieces.append((" (e) ", .key))
        let text = pieces.map(\.text).joined()
        let width = min(DisplayWidth.of(text), rect.width / 2)
        guard width >= 8 else { return 0 }
        var x = rect.maxX - width
        canvas.fill(Rect(x: x, y: rect.y, width: width, height: 1))
        for piece in pieces where x < rect.maxX {
            x += canvas.write(piece.text, x: x, y: rect.y, role: piece.role, maxWidth: rect.maxX - x)
        }
        return width
    }
}
