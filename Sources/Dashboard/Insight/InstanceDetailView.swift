import ClusterModel
import Formatting
import Insights

/// One engine instance: latency quantiles now and over time (TTFT, ITL, e2e), throughput, batch and queue,
/// KV cache, request outcomes, and its state history (loading since when, restarts, past loads).
package enum InstanceDetailView {
    /// A row of the quantile table: a latency's name, its quantiles, and its mean where the engine gives only one.
    struct LatencyRow {
        var name: String
        var quantiles: Quantiles
        var mean: LatencyFigure?
    }

    static let quantileColumns: [Column<LatencyRow>] = {
        func level(_ title: String, _ priority: Int, _ value: @escaping (Quantiles) -> Double?) -> Column<LatencyRow> {
            Column(title, .number, priority: priority) { rows, i, ctx in
                // An engine that keeps no histogram (llama.cpp, Triton) gives a mean: shown, marked, where p50 is.
                if title == "p50", rows[i].quantiles.isEmpty, let mean = rows[i].mean {
                    return .plain(LatencyFigure.text(mean, absent: ctx.absent))
                }
                return .plain(Format.seconds(value(rows[i].quantiles), absent: ctx.absent))
            }
        }
        return [
            Column("latency", .name(minimum: 5, maximum: 10, kind: .plain), priority: 100) { rows, i, _ in .plain(rows[i].name) },
            level("p50", 100, \.p50), level("p90", 80, \.p90), level("p95", 90, \.p95), level("p99", 70, \.p99),
        ]
    }()

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext, id: String) {
        guard let instance = ctx.snapshot.instance(id: id) else {
            InsightView.message(&canvas, rect, "instance \(TextSanitizer.clean(id)) is not in this frame")
            return
        }
        let (info, rest) = rect.splitTop(2)
        FlowText.draw(&canvas, info, groups: infoGroups(instance, ctx))
        let (charts, bottom) = rest.splitBottom(min(8, rest.height / 3))
        let s = HistoryKey.InstanceSeries.self
        func line(
            _ name: String, _ series: HistoryKey.InstanceSeries, _ scale: Double = 1
        ) -> (name: String, key: HistoryKey, scale: Double) {
            (name, .instance(id, series), scale)
        }
        InsightCharts.draw(
            &canvas, charts,
            [
                .init(title: "TTFT", lines: [line("p50", s.ttftP50), line("p95", s.ttftP95)], format: InsightCharts.seconds),
                // Time per token (milliseconds) and whole requests (seconds) each on an axis that fits them.
                .init(title: "ITL", lines: [line("p50", s.itlP50)], format: InsightCharts.seconds),
                .init(title: "e2e", lines: [line("p95", s.e2eP95)], format: InsightCharts.seconds),
                .init(
                    title: "tokens/s", lines: [line("gen", s.generationTPS), line("prompt", s.promptTPS)],
                    format: InsightCharts.plain),
                .init(
                    title: "requests", lines: [line("running", s.running), line("waiting", s.waiting)],
                    format: InsightCharts.plain),
                .init(title: "KV cache", lines: [line("KV", s.kv, 100)], format: InsightCharts.percent),
                .init(title: "requests/s", lines: [line("req/s", s.requestsPerSecond)], format: InsightCharts.plain),
            ], columns: charts.width >= 150 ? 4 : (charts.width >= 100 ? 3 : 2), ctx)
        let (quantiles, outcomes) = bottom.splitLeft(bottom.width / 2)
        drawQuantiles(&canvas, quantiles, instance, ctx)
        drawOutcomes(&canvas, outcomes, instance, ctx)
    }

    static func infoGroups(_ instance: EngineInstance, _ ctx: ViewContext) -> [[FlowText.Piece]] {
        let a = ctx.absent
        let now = ctx.snapshot.timeMs
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
        groups.append([
            ("GPUs ", .muted), (instance.gpuIDs.isEmpty ? a : ctx.clean(instance.gpuIDs.joined(separator: " ")), .text),
        ])
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
        let rows = [
            LatencyRow(name: "TTFT", quantiles: instance.ttft, mean: nil),
            LatencyRow(name: "ITL", quantiles: instance.itl, mean: instance.interTokenLatency),
            LatencyRow(
                name: "e2e", quantiles: instance.e2e, mean: instance.e2eMean.map { LatencyFigure(seconds: $0, isMean: true) }),
            LatencyRow(
                name: "queue", quantiles: instance.queueTime,
                mean: instance.queueTimeMean.map { LatencyFigure(seconds: $0, isMean: true) }),
        ]
        let inside = Box.draw(&canvas, rect, title: "latency quantiles now", glyphs: ctx.glyphs)
        Table(columns: quantileColumns, rows: rows).draw(&canvas, inside, ctx, focused: false)
    }

    static func drawOutcomes(_ canvas: inout Canvas, _ rect: Rect, _ instance: EngineInstance, _ ctx: ViewContext) {
        let a = ctx.absent
        let inside = Box.draw(&canvas, rect, title: "requests and cache now", glyphs: ctx.glyphs)
        func rate(_ value: Double?) -> String { value.map { Format.compact($0, absent: a) + "/s" } ?? a }
        let lines: [[FlowText.Piece]] =
            [
                [("running ", .muted), (Format.compact(instance.running, absent: a), .text)],
                [
                    ("waiting ", .muted),
                    (
                        Format.compact(instance.waiting, absent: a),
                        ctx.thresholds.queue(waiting: instance.waiting, running: instance.running)
                    ),
                ],
                [
                    ("KV ", .muted),
                    (Format.percent(instance.kvCacheUsage, absent: a), ctx.thresholds.kvCache(instance.kvCacheUsage)),
                ],
                [("prefix hits ", .muted), (Format.percent(instance.prefixCacheHitRate, absent: a), .text)],
            ]
            + [
                // Figures only some engines give (llama.cpp's batch and prefill, speculative decoding): shown when known.
                instance.batchSize.map { [("batch ", .muted), (Format.compact($0, absent: a), .text)] },
                instance.prefillTokensPerSecond.map {
                    [("prefill ", .muted), (Format.compact($0, absent: a) + " tok/s", .text)]
                },
                instance.maxSequenceTokens.map {
                    [("longest sequence ", .muted), (Format.compact($0, absent: a) + " tok", .text)]
                },
                instance.speculativeAcceptance.map { [("draft accepted ", .muted), (Format.percent($0, absent: a), .text)] },
            ].compactMap { $0 } + [
                [("requests ", .muted), (rate(instance.requestsPerSecond), .text)],
                [
                    ("preempted ", .muted),
                    (rate(instance.preemptionsPerSecond), (instance.preemptionsPerSecond ?? 0) > 0 ? .warn : .text),
                ],
                // How requests ended: a stop token, the length limit (answers cut short), aborted by the client, failed.
                [("finished: stop ", .muted), (rate(instance.stoppedPerSecond), .text)],
                [("length ", .muted), (rate(instance.lengthLimitedPerSecond), .text)],
                [("abort ", .muted), (rate(instance.abortedPerSecond), .text)],
                [("error ", .muted), (rate(instance.failedPerSecond), (instance.failedPerSecond ?? 0) > 0 ? .critical : .text)],
                [("rates over ", .muted), (instance.rateWindowSeconds.map(Format.window) ?? a, .muted)],
            ]
        FlowText.draw(&canvas, inside, groups: lines)
    }

    /// The instance summary rows shared with the GPU detail screen.
    static let summaryColumns: [Column<EngineInstance>] = [
        Column("instance", .name(minimum: 8, maximum: 30, kind: .target), priority: 95) { rows, i, ctx in
            .text(ctx.clean(DisplayName.instance(id: rows[i].id)), .accent)
        },
        Column("engine", .name(minimum: 4, maximum: 10, kind: .plain), priority: 60) { rows, i, _ in .plain(rows[i].engine.label)
        },
        Column("model", .name(minimum: 8, maximum: 40, kind: .model), priority: 100) { rows, i, ctx in
            .plain(ctx.clean(rows[i].model))
        },
        Column("state", .name(minimum: 5, maximum: 11, kind: .plain), priority: 90) { rows, i, _ in
            .text(rows[i].state.label, stateRole(rows[i].state))
        },
        Column("running", .number, priority: 80) { rows, i, ctx in .plain(Format.compact(rows[i].running, absent: ctx.absent)) },
        Column("waiting", .number, priority: 80) { rows, i, ctx in
            .text(
                Format.compact(rows[i].waiting, absent: ctx.absent),
                ctx.thresholds.queue(waiting: rows[i].waiting, running: rows[i].running))
        },
        Column("KV", .number, priority: 70) { rows, i, ctx in
            .text(Format.percent(rows[i].kvCacheUsage, absent: ctx.absent), ctx.thresholds.kvCache(rows[i].kvCacheUsage))
        },
        Column("TTFT p95", .number, priority: 60) { rows, i, ctx in .plain(Format.seconds(rows[i].ttft.p95, absent: ctx.absent))
        },
        Column("gen tok/s", .number, priority: 70) { rows, i, ctx in
            .plain(Format.compact(rows[i].generationTokensPerSecond, absent: ctx.absent))
        },
    ]
}
