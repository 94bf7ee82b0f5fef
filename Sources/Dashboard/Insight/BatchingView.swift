import ClusterModel
import Formatting
import Insights

/// Batch size against inter-token latency and tokens/s over the chart window, binned: each row a range of
/// batch sizes with its mean ITL and throughput as bars, and the row where more batching stops paying marked.
package enum BatchingView {
    /// A bin of batch sizes, with what its bars are scaled against and its mark.
    struct BinRow {
        var bin: BatchingTradeoff.Bin
        var worstITL: Double
        var bestTPS: Double
        var mark: String?
    }

    static let columns: [Column<BinRow>] = [
        Column("batch", .number, priority: 100) { rows, i, _ in .plain(rows[i].bin.label) },
        Column("frames", .number, priority: 60) { rows, i, _ in .text(String(rows[i].bin.count), .muted) },
        Column("ITL p50", .number, priority: 90) { rows, i, ctx in .plain(Format.seconds(rows[i].bin.meanITL, absent: ctx.absent))
        },
        Column("ITL", .bar(preferred: 24), priority: 70) { rows, i, _ in
            let row = rows[i]
            return .gauge(fraction: row.bin.meanITL.map { row.worstITL > 0 ? $0 / row.worstITL : 0 }, label: "", role: .series2)
        },
        Column("tok/s", .number, priority: 90) { rows, i, ctx in
            .plain(Format.compact(rows[i].bin.meanTokensPerSecond, absent: ctx.absent))
        },
        Column("throughput", .bar(preferred: 24), priority: 80) { rows, i, _ in
            let row = rows[i]
            return .gauge(
                fraction: row.bin.meanTokensPerSecond.map { row.bestTPS > 0 ? $0 / row.bestTPS : 0 }, label: "",
                role: .series1)
        },
        Column("", .text(minimum: 1), priority: 40) { rows, i, _ in rows[i].mark.map { .text($0, .accent) } ?? .plain("") },
    ]

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, instanceID: String) {
        let tradeoff = BatchingTradeoff.instance(instanceID, history: ctx.frame.history, window: ctx.chartWindow)
        let model = ctx.snapshot.instance(id: instanceID)?.model
        let name = DisplayName.instance(id: instanceID)
        draw(&canvas, rect, ctx, tradeoff, title: "batching · " + (model.map { DisplayName.model($0) + " on " } ?? "") + name)
    }

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, model: String) {
        let tradeoff = BatchingTradeoff.model(model, snapshot: ctx.snapshot, history: ctx.frame.history, window: ctx.chartWindow)
        let count = ctx.snapshot.instances.filter { $0.model == model }.count
        draw(&canvas, rect, ctx, tradeoff, title: "batching · \(model) across \(count) instances")
    }

    static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, _ tradeoff: BatchingTradeoff, title: String) {
        let window = Format.window(seconds: ctx.state.chartWindowSeconds)
        let inside = Box.draw(
            &canvas, rect, title: TextSanitizer.clean(title) + " · last " + window,
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
        let stillGrowing =
            tradeoff.saturationBin != nil && tradeoff.saturationBin == bins.lastIndex { $0.meanTokensPerSecond != nil }
        var words: [[FlowText.Piece]] = [
            [
                (
                    stillGrowing
                        ? "throughput still grows at the largest batch seen, "
                        : "throughput stops growing (≥ 90% of the best) at batch ", .muted
                )
            ]
        ]
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
        let rows = bins.indices.map { i in
            BinRow(
                bin: bins[i], worstITL: worstITL, bestTPS: bestTPS,
                mark: i == tradeoff.saturationBin ? (stillGrowing ? "◀ best" : "◀ saturates") : nil)
        }
        Table(columns: columns, rows: rows).draw(&canvas, table, ctx, focused: false)
    }
}
