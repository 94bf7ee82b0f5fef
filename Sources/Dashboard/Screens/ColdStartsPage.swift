/// Cold starts (`L`): the instances loading now and the loads that finished; Enter opens an instance.
struct ColdStartsPage: InsightPage {
    var screenID: ScreenID { .coldStarts }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] {
        let starts = InsightRows.coldStarts(frame)
        return starts.loading.map { .instance($0.load.instanceID) } + starts.past.map { .instance($0.instanceID) }
    }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) { ColdStartsView.draw(&canvas, rect, ctx) }
}
