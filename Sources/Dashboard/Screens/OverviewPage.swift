import ClusterModel

/// The overview, the bottom of the screen stack: header, GPUs, engine instances, charts, and a footer that shares
/// its row with the alert strip. Tab moves the focus between panels; Enter and the screen keys open the insight
/// screens over it.
struct OverviewPage: ScreenPage {
    var kind: ScreenKind { .screen }

    func keys(_ state: UIState) -> [KeyBinding] { KeyMap.withReplay(KeyMap.overview, state) }

    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext) {
        guard let layout = DashboardView.layout(ctx.frame, state: ctx.state, size: area.size) else { return }
        HeaderView.draw(&canvas, layout.header, ctx)
        GPUPanel.draw(&canvas, layout.gpus, ctx)
        InstancePanel.draw(&canvas, layout.instances, ctx)
        ChartsPanel.draw(&canvas, layout.charts, ctx)
        // The alert strip takes the right of the footer first; the key hints fit beside it, dropping the last.
        let strip = ctx.frame.alerts.map { AlertStrip.drawSummary(&canvas, layout.footer, $0.active, ctx) } ?? 0
        FooterView.draw(&canvas, layout.footer.splitLeft(layout.footer.width - strip - (strip > 0 ? 1 : 0)).0, ctx.state)
    }

    func handle(_ action: UIAction, _ state: inout UIState, _ context: UIReducer.Context) -> Bool {
        switch action {
        case .nextPanel: state.focus = Self.cycle(state.focus, by: 1)
        case .previousPanel: state.focus = Self.cycle(state.focus, by: -1)
        case .toggleCompact: state.compact.toggle()
        case .openSelected:
            guard let frame = context.frame, let screen = Self.selected(state, frame) else { break }
            state.open(screen)
        case .showBatching:
            guard let frame = context.frame, case .instance(let id)? = Self.selected(state, frame) else { break }
            state.open(.batching(instanceID: id))
        default: return false
        }
        return true
    }

    /// The details of the selected row of the focused panel.
    private static func selected(_ state: UIState, _ frame: DashboardFrame) -> ScreenID? {
        switch state.focus {
        case .gpus:
            let gpus = ClusterQuery.gpus(frame.snapshot, state)
            return gpus.indices.contains(state.selected(.gpus)) ? .gpu(gpus[state.selected(.gpus)].id) : nil
        case .instances:
            let instances = ClusterQuery.instances(frame.snapshot, state)
            let row = state.selected(.instances)
            return instances.indices.contains(row) ? .instance(instances[row].id) : nil
        case .charts:
            return nil
        }
    }

    private static func cycle(_ panel: UIState.Panel, by step: Int) -> UIState.Panel {
        let all = UIState.Panel.allCases
        return all[(panel.rawValue + step + all.count) % all.count]
    }
}
