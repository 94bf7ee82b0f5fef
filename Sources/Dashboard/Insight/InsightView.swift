import ClusterModel
import Formatting
import Insights

/// Draws the current insight screen: the header, a breadcrumb line ("overview › GPU node-0/1"), the screen's
/// body and the footer with its key hints.
package enum InsightView {
    /// The frame around `body`, which draws the screen's own part into the rectangle it is given.
    static func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext, body: (inout Canvas, Rect) -> Void) {
        guard let layout = ScreenLayout.compute(area.size) else { return }
        HeaderView.draw(&canvas, layout.header, ctx)
        let (crumbs, rest) = layout.body.splitTop(1)
        drawBreadcrumbs(&canvas, crumbs, ctx)
        body(&canvas, rest)
        FooterView.draw(&canvas, layout.footer, ctx.state)
    }

    static func drawBreadcrumbs(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let crumbs = ctx.state.breadcrumbs
        var groups: [FlowText.Piece] = []
        for (i, crumb) in crumbs.enumerated() {
            if i > 0 { groups.append((" › ", .muted)) }
            groups.append((TextSanitizer.clean(crumb), i == crumbs.count - 1 ? .title : .muted))
        }
        FlowText.draw(&canvas, rect, groups: [groups])
        if let alerts = ctx.frame.alerts {
            AlertStrip.drawSummary(&canvas, rect, alerts.active, ctx)
        }
    }

    /// A message in the middle of an empty panel ("no GPU node-0/9 in this frame").
    static func message(_ canvas: inout Canvas, _ rect: Rect, _ text: String) {
        guard !rect.isEmpty else { return }
        let width = min(rect.width, DisplayWidth.of(text))
        canvas.write(text, x: rect.x + (rect.width - width) / 2, y: rect.y + rect.height / 2, role: .muted, maxWidth: rect.width)
    }

    /// The role of an alert severity.
    static func role(_ severity: AlertSeverity) -> StyleRole { severity == .critical ? .critical : .warn }
}
