/// One engine instance's details (Enter on an instance row): its state, queue, latency quantiles, outcomes and
/// charts, and the GPUs it runs on, which Enter opens; `b` shows its batching trade-off.
struct InstanceDetailPage: InsightPage {
    let id: String

    var screenID: ScreenID { .instance(id) }

    var ownKeys: [KeyBinding] {
        [InsightKeys.open, KeyBinding([.character("b")], .showBatching, help: "batching trade-off", hint: "batching")]
    }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        (frame.snapshot.instance(id: id)?.gpuIDs ?? []).map { .gpu($0) }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        InstanceDetailView.draw(&canvas, rect, ctx, id: id)
    }

    func handleOwn(_ action: UIAction, _ state: inout UIState, _ frame: DashboardFrame) -> Bool {
        guard action == .showBatching else { return false }
        state.open(.batching(instanceID: id))
        return true
    }
}
