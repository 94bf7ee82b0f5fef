/// The batching trade-off (`b`): batch size against inter-token latency and tokens/s, for one instance or for
/// every instance of a model pooled (Enter on a row of the GPU types).
struct BatchingPage: InsightPage {
    /// Whose batches.
    enum Subject: Sendable {
        case instance(String)
        case model(String)
    }

    let subject: Subject

    var screenID: ScreenID {
        switch subject {
        case .instance(let id): return .batching(instanceID: id)
        case .model(let model): return .modelBatching(model)
        }
    }

    /// Its rows lead nowhere.
    var ownKeys: [KeyBinding] { [] }

    func rowTargets(_ frame: DashboardFrame, _ state: UIState) -> [ScreenID?] { [] }

    func drawBody(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        switch subject {
        case .instance(let id): BatchingView.draw(&canvas, rect, ctx, instanceID: id)
        case .model(let model): BatchingView.draw(&canvas, rect, ctx, model: model)
        }
    }
}
