/// The targets screen (`T`): every scrape target with its health, last error and data quality; Esc or `T`
/// returns to the overview.
struct TargetsPage: ScreenPage {
    var kind: ScreenKind { .screen }

    func keys(_ state: UIState) -> [KeyBinding] { KeyMap.withReplay(KeyMap.targets, state) }

    func draw(_ canvas: inout Canvas, _ area: Rect, _ ctx: ViewContext) {
        guard let layout = ScreenLayout.compute(area.size) else { return }
        HeaderView.draw(&canvas, layout.header, ctx)
        TargetsView.draw(&canvas, layout.body, ctx)
        FooterView.draw(&canvas, layout.footer, ctx.state)
    }
}
