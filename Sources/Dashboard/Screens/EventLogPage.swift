/// Alerts and the event log (`e`): what fires now and what fired, newest first; Enter opens the GPU or instance
/// an event is about.
struct EventLogPage: InsightPage {
    var screenID: ScreenID { .events }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        InsightRows.events(frame).map { event in
            switch event.subject.kind {
            case .gpu: return .gpu(event.subject.id)
            case .instance: return .instance(event.subject.id)
            case .target: return nil
            }
        }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) { EventLogView.draw(&canvas, rect, ctx) }
}
