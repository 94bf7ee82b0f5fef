/// What a key asks of the insight screens. Resolved by `InsightReducer` with the frame at hand, because
/// opening "the selected row" must name a GPU or instance by id, not by a row number that the next frame
/// may sort differently.
package enum InsightAction: Hashable, Sendable {
    /// Enter: the detail of the selected GPU, instance, heatmap cell, event subject or load.
    case openSelected
    case show(InsightScreen)
    /// The batching trade-off of the selected (or shown) instance.
    case showBatching
    /// Esc: the previous screen.
    case back
    case move(rows: Int)
    case moveColumn(Int)
    /// `m`: the heatmap's next metric, or grouping by node ↔ model.
    case cycleMode
    case cycleSort
    case reverseSort
}
