/// One GPU's details (Enter on a GPU row): its figures, charts and MIG slices, and the engine instances on it,
/// which Enter opens.
struct GPUDetailPage: InsightPage {
    let id: String

    var screenID: ScreenID { .gpu(id) }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        (frame.snapshot.gpu(id: id)?.instanceIDs ?? []).map { .instance($0) }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) { GPUDetailView.draw(&canvas, rect, ctx, id: id) }
}
