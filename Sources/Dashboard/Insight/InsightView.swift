import ClusterModel
import Formatting
import Insights

/// Draws the current insight screen: the header, a breadcrumb line ("overview › GPU node-0/1"), the screen's
/// body and the footer with its key hints.
package enum InsightView {
    package static func draw(_ canvas: inout Canvas, _ ctx: ViewContext) {
        guard let layout = ScreenLayout.compute(canvas.size) else {
            TooSmallView.draw(&canvas, need: OverviewLayout.minimumSize, glyphs: ctx.glyphs)
            return
        }
        HeaderView.draw(&canvas, layout.header, ctx)
        let (crumbs, body) = layout.body.splitTop(1)
        drawBreadcrumbs(&canvas, crumbs, ctx)
        switch ctx.state.insight.current {
        case .gpu(let id)?: GPUDetailView.draw(&canvas, body, ctx, id: id)
        case .instance(let id)?: InstanceDetailView.draw(&canvas, body, ctx, id: id)
        case .batching(let id)?: BatchingView.draw(&canvas, body, ctx, instanceID: id)
        case .modelBatching(let model)?: BatchingView.draw(&canvas, body, ctx, model: model)
        case .gpuTypes?: GPUTypesView.draw(&canvas, body, ctx)
        case .coldStarts?: ColdStartsView.draw(&canvas, body, ctx)
        case .events?: EventLogView.draw(&canvas, body, ctx)
        case .heatmap?: HeatmapView.draw(&canvas, body, ctx)
        case .groups?: GroupsView.draw(&canvas, body, ctx)
        case nil: break
        }
        FooterView.draw(&canvas, layout.footer, ctx.state)
    }

    static func drawBreadcrumbs(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let crumbs = ctx.state.insight.breadcrumbs
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
