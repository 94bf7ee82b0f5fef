import Formatting
import ClusterModel
import Insights

/// Batch size against inter-token latency and tokens/s over the chart window, binned: each row a range of
/// batch sizes with its mean ITL and throughput as bars, and the row where more batching stops paying marked.
public enum BatchingView {
    static let columns: [TableColumn] = [
        TableColumn("batch", width: 7, priority: 100),
        TableColumn("frames", width: 6, priority: 60),
        TableColumn("ITL p50", width: 8, priority: 90),
        TableColumn("ITL", width: 24, minWidth: 8, priority: 70, alignment: .left, flexible: true),
        TableColumn("tok/s", width: 7, priority: 90),
        TableColumn("throughput", width: 24, minWidth: 8, priority: 80, alignment: .left),
        TableColumn("", width: 12, minWidth: 1, priority: 40, alignment: .left),
    ]

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, instanceID: String) {
        let tradeoff = BatchingTradeoff.instance(instanceID, history: ctx.frame.history, window: ctx.chartWindow)
        let model = ctx.snapshot.instance(id: instanceID)?.model
        let name = DisplayName.instance(id: instanceID)
        draw(&canvas, rect, ctx, tradeoff, title: "batching · " + (model.map { DisplayName.model($0) + " on " } ?? "") + name)
    }

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, model: String) {
        let tradeoff = BatchingTradeoff.model(model, snapshot: ctx.snapshot, history: ctx.frame.history, window: ctx.chartWindow)
        let count = ctx.snapshot.instances.filter { $0.model == model }.count
        draw(&canvas, rect, ctx, tradeoff, title: "batching · \(model) across \(count) instances")
    }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, _ tradeoff: BatchingTradeoff, title: String) {
        let window = Format.window(seconds: ctx.state.chartWindowSeconds)
        let inside = Box.draw(&canvas, rect, title: TextSanitizer.clean(title) + " · last " + window,
                              note: "\(tradeoff.points.count) frames with a running batch", focused: true, glyphs: ctx.glyphs)
        guard !tradeoff.bins.isEmpty else {
            InsightView.message(&canvas, inside, "no frame with a running batch in the last " + window)
            return
        }
        let (summary, table) = inside.splitTop(2)
        let bins = tradeoff.bins
        let bestTPS = bins.compactMap(\.meanTokensPerSecond).max() ?? 0
        let worstITL = bins.compactMap(\.meanITL).max() ?? 0
        // When the first bin near the best is also the largest batch seen, nothing says that more batching stops
        // paying: the window never saw a batch beyond it.
        let stillGrowing = tradeoff.saturationBin != nil && tradeoff.saturationBin == bins.lastIndex { $0.meanTokensPerSecond != nil }
        var words: [[FlowText.Piece]] = [[(stillGrowing ? "throughput still grows at the largest batch seen, "
                                                        : "throughput stops growing (≥ 90% of the best) at batch ", .muted)]]
        if let saturation = tradeoff.saturationBin {
            let bin = bins[saturation]
            words[0].append((bin.label, .accent))
            var itl: [FlowText.Piece] = [("ITL there ", .muted), (Format.seconds(bin.meanITL, absent: ctx.absent), .text)]
            if !stillGrowing {
                itl += [(", at the largest batch ", .muted), (Format.seconds(bins.last?.meanITL, absent: ctx.absent), .text)]
            }
            words.append(itl)
        } else {
            words[0].append((ctx.absent, .muted))
        }
        FlowText.draw(&canvas, summary, groups: words)
        Table(columns: columns, rowCount: bins.count).draw(&canvas, table, glyphs: ctx.glyphs, focused: false) { row, column in
            let bin = bins[row]
            switch column {
            case 0: return .plain(bin.label)
            case 1: return .text(String(bin.count), .muted)
            case 2: return .plain(Format.seconds(bin.meanITL, absent: ctx.absent))
            case 3: return .gauge(fraction: bin.meanITL.map { worstITL > 0 ? $0 / worstITL : 0 }, label: "", role: .series2)
            case 4: return .plain(Format.compact(bin.meanTokensPerSecond, absent: ctx.absent))
            case 5: return .gauge(fraction: bin.meanTokensPerSecond.map { bestTPS > 0 ? $0 / bestTPS : 0 }, label: "", role: .series1)
            default: return row == tradeoff.saturationBin ? .text(stillGrowing ? "◀ best" : "◀ saturates", .accent) : .plain("")
            }
        }
    }
}
