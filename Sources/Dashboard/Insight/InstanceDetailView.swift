import Formatting
import ClusterModel
import Insights

/// One engine instance: latency quantiles now and over time (TTFT, ITL, e2e), throughput, batch and queue,
/// KV cache, request outcomes, and its state history (loading since when, restarts, past loads).
public enum InstanceDetailView {
    static let quantileColumns: [TableColumn] = [
        TableColumn("latency", width: 10, priority: 100, alignment: .left),
        TableColumn("p50", width: 8, priority: 100), TableColumn("p90", width: 8, priority: 80),
        TableColumn("p95", width: 8, priority: 90), TableColumn("p99", width: 8, priority: 70),
    ]

    public static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, id: String) {
        guard let instance = ctx.snapshot.instance(id: id) else {
            InsightView.message(&canvas, rect, "instance \(TextSanitizer.clean(id)) is not in this frame")
            return
        }
        let (info, rest) = rect.splitTop(2)
        FlowText.draw(&canvas, info, groups: infoGroups(instance, ctx))
        let (charts, bottom) = rest.splitBottom(min(8, rest.height / 3))
        let s = HistoryKey.InstanceSeries.self
        func line(_ name: String, _ series: HistoryKey.InstanceSeries, _ scale: Double = 1) -> (name: String, key: HistoryKey, scale: Double) {
            (name, .instance(id, series), scale)
        }
        InsightCharts.draw(&canvas, charts, [
            .init(title: "TTFT", lines: [line("p50", s.ttftP50), line("p95", s.ttftP95)], format: InsightCharts.seconds),
            .init(title: "latency", lines: [line("ITL p50", s.itlP50), line("e2e p95", s.e2eP95)], format: InsightCharts.seconds),
            .init(title: "tokens/s", lines: [line("gen", s.generationTPS), line("prompt", s.promptTPS)], format: InsightCharts.plain),
            .init(title: "requests", lines: [line("running", s.running), line("waiting", s.waiting)], format: InsightCharts.plain),
            .init(title: "KV cache", lines: [line("KV", s.kv, 100)], format: InsightCharts.percent),
            .init(title: "requests/s", lines: [line("req/s", s.requestsPerSecond)], format: InsightCharts.plain),
        ], columns: charts.width >= 150 ? 3 : 2, ctx)
        let (quantiles, outcomes) = bottom.splitLeft(bottom.width / 2)
        drawQuantiles(&canvas, quantiles, instance, ctx)
        drawOutcomes(&canvas, outcomes, instance, ctx)
    }

    static func infoGroups(_ instance: EngineInstance, _ ctx: ViewContext) -> [[FlowText.Piece]] {
        let a = ctx.absent, now = ctx.snapshot.timeMs
        var groups: [[FlowText.Piece]] = [
            [(instance.engine.label, .title)], [(ctx.clean(instance.model), .accent)],
            [("node ", .muted), (ctx.clean(instance.node), .text)],
            [("state ", .muted), (instance.state.label, stateRole(instance.state))],
        ]
        if let since = ctx.frame.alerts?.loads.loadingSince(instance.id) {
            groups.append([("loading for ", .muted), (Format.age(fromMs: since, toMs: now, absent: a), .warn)])
        }
        if let restarted = instance.restartedAtMs {
            groups.append([("restarted ", .muted), (Format.age(fromMs: restarted, toMs: now, absent: a) + " ago", .warn)])
        }
        let loads = (ctx.frame.alerts?.loads.history ?? []).filter { $0.instanceID == instance.id }
        if let last = loads.last {
            groups.append([("loads ", .muted), ("\(loads.count), last took " + last.durationText, .text)])
        }
        groups.append([("GPUs ", .muted), (instance.gpuIDs.isEmpty ? a : ctx.clean(instance.gpuIDs.joined(separator: " ")), .text)])
        groups.append([("target ", .muted), (ctx.clean(instance.target), .muted)])
        return groups
    }

    static func stateRole(_ state: InstanceState) -> StyleRole {
        switch state {
        case .ready: return .ok
        case .loading, .restarted: return .warn
        case .unreachable: return .critical
        }
    }

    static func drawQuantiles(_ canvas: inout Canvas, _ rect: Rect, _ instance: EngineInstance, _ ctx: ViewContext) {
        let rows: [(String, Quantiles)] = [("TTFT", instance.ttft), ("ITL", instance.itl), ("e2e", instance.e2e),
                                           ("queue", instance.queueTime)]
        let inside = Box.draw(&canvas, rect, title: "latency quantiles now", glyphs: ctx.glyphs)
        Table(columns: quantileColumns, rowCount: rows.count).draw(&canvas, inside, glyphs: ctx.glyphs, focused: false) { row, column in
            let q = rows[row].1
            // An engine that keeps no ITL histogram (llama.cpp, Triton) gives a mean: shown, marked, where p50 is.
            if row == 1, q.isEmpty, column == 1, let mean = instance.interTokenLatency {
                return .plain(LatencyFigure.text(mean, absent: ctx.absent))
            }
            let values = [q.p50, q.p90, q.p95, q.p99]
            return column == 0 ? .plain(rows[row].0) : .plain(Format.seconds(values[column - 1], absent: ctx.absent))
        }
    }

    static func drawOutcomes(_ canvas: inout Canvas, _ rect: Rect, _ instance: EngineInstance, _ ctx: ViewContext) {
        let a = ctx.absent
        let inside = Box.draw(&canvas, rect, title: "requests and cache now", glyphs: ctx.glyphs)
        func rate(_ value: Double?) -> String { value.map { Format.compact($0, absent: a) + "/s" } ?? a }
        let lines: [[FlowText.Piece]] = [
            [("running ", .muted), (Format.compact(instance.running, absent: a), .text)],
            [("waiting ", .muted), (Format.compact(instance.waiting, absent: a),
                                    Thresholds.queue(waiting: instance.waiting, running: instance.running))],
            [("KV ", .muted), (Format.percent(instance.kvCacheUsage, absent: a), Thresholds.kvCache(instance.kvCacheUsage))],
            [("prefix hits ", .muted), (Format.percent(instance.prefixCacheHitRate, absent: a), .text)],
        ] + [
            // Figures only some engines give (llama.cpp's batch and prefill, speculative decoding): shown when known.
            instance.batchSize.map { [("batch ", .muted), (Format.compact($0, absent: a), .text)] },
            instance.prefillTokensPerSecond.map { [("prefill ", .muted), (Format.compact($0, absent: a) + " tok/s", .text)] },
            instance.maxSequenceTokens.map { [("longest sequence ", .muted), (Format.compact($0, absent: a) + " tok", .text)] },
            instance.speculativeAcceptance.map { [("draft accepted ", .muted), (Format.percent($0, absent: a), .text)] },
        ].compactMap { $0 } + [
            [("requests ", .muted), (rate(instance.requestsPerSecond), .text)],
            [("preempted ", .muted), (rate(instance.preemptionsPerSecond), (instance.preemptionsPerSecond ?? 0) > 0 ? .warn : .text)],
            // How requests ended: a stop token, the length limit (answers cut short), aborted by the client, failed.
            [("finished: stop ", .muted), (rate(instance.stoppedPerSecond), .text)],
            [("length ", .muted), (rate(instance.lengthLimitedPerSecond), .text)],
            [("abort ", .muted), (rate(instance.abortedPerSecond), .text)],
            [("error ", .muted), (rate(instance.failedPerSecond), (instance.failedPerSecond ?? 0) > 0 ? .critical : .text)],
            [("rates over ", .muted), (instance.rateWindowSeconds.map(Format.window) ?? a, .muted)],
        ]
        FlowText.draw(&canvas, inside, groups: lines)
    }

    /// A cell of the instance summary rows shared with the GPU detail screen.
    static func summaryCell(_ instance: EngineInstance, _ column: Int, _ ctx: ViewContext) -> TableCell {
        let a = ctx.absent
        switch column {
        case 0: return .text(ctx.clean(DisplayName.instance(id: instance.id)), .accent)
        case 1: return .plain(instance.engine.label)
        case 2: return .plain(ctx.clean(instance.model))
        case 3: return .text(instance.state.label, stateRole(instance.state))
        case 4: return .plain(Format.compact(instance.running, absent: a))
        case 5: return .text(Format.compact(instance.waiting, absent: a), Thresholds.queue(waiting: instance.waiting, running: instance.running))
        case 6: return .text(Format.percent(instance.kvCacheUsage, absent: a), Thresholds.kvCache(instance.kvCacheUsage))
        case 7: return .plain(Format.seconds(instance.ttft.p95, absent: a))
        default: return .plain(Format.compact(instance.generationTokensPerSecond, absent: a))
        }
    }
}
