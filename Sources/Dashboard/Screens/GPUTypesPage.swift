import Insights

/// GPU types side by side (`y`): per type, the count, VRAM, utilization and throughput; Enter on a type's model
/// opens its pooled batching trade-off.
struct GPUTypesPage: InsightPage {
    var screenID: ScreenID { .gpuTypes }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        GPUTypeComparison.build(frame.snapshot).rows.map { row in row.model.map { .modelBatching($0) } }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) { GPUTypesView.draw(&canvas, rect, ctx) }
}
