import ClusterModel
import Formatting

/// The top rows: source, clock, interval, targets up/down, pause and filter; then the cluster totals.
package enum HeaderView {
    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        guard !rect.isEmpty else { return }
        let snapshot = ctx.snapshot
        let a = ctx.absent
        let up = snapshot.targets.filter(\.up).count
        let down = snapshot.targets.count - up
        var status: [[FlowText.Piece]] = [
            [("infertop", .title)],
            [(TextSanitizer.clean(ctx.frame.source), .accent)],
            [(snapshot.timeMs > 0 ? Format.clock(ms: snapshot.timeMs) : "waiting for data", .text)],
        ]
        let health = ctx.frame.health
        if let interval = ctx.frame.intervalSeconds {
            var every: [FlowText.Piece] = [("every ", .muted), (Format.compact(interval, absent: a) + "s", .text)]
            if let stretched = health?.stretchedIntervalSeconds {
                every.append((" → " + Format.compact(stretched, absent: a) + "s (server)", .warn))
            }
            status.append(every)
        }
        if let age = health?.dataAgeSeconds {
            status.append([
                ("data ", .muted), (Format.seconds(age, absent: a) + " old", health?.dataIsOld == true ? .warn : .text),
            ])
        }
        // Targets that answer with readings out of range: the targets screen (T) names them.
        let badData = snapshot.targets.filter { !$0.dataQuality.isEmpty }.count
        status.append(
            [("targets ", .muted), (String(up) + " up", .ok)] + (down > 0 ? [(" " + String(down) + " down", .critical)] : [])
                + (badData > 0 ? [(" " + String(badData) + " bad data", .warn)] : []))
        if let error = health?.error { status.append([("server: ", .critical), (TextSanitizer.clean(error), .critical)]) }
        if ctx.state.paused { status.append([("PAUSED", .warn)]) }
        if !ctx.state.filter.isEmpty {
            var filter: [FlowText.Piece] = [("filter ", .muted), (TextSanitizer.clean(ctx.state.filter), .accent)]
            if let error = InsightFilter(ctx.state.filter).error { filter.append(("  " + error.description, .critical)) }
            status.append(filter)
        }
        // Last, and cut to the room left on the row: the targets screen (T) lists them in full.
        if let warnings = health?.warnings, let first = warnings.first {
            let used = status.reduce(0) { $0 + $1.reduce(0) { $0 + DisplayWidth.of($1.text) } + 2 }
            let more = warnings.count > 1 ? "  +\(warnings.count - 1) (T)" : " (T)"
            let room = rect.width - used - 2 - DisplayWidth.of(more)
            let text = TextSanitizer.clean(first)
            let shown = DisplayWidth.of(text) <= room ? text : room >= 12 ? String(text.prefix(room - 1)) + "…" : ""
            status.append([("⚠ ", .warn), (shown, .warn), (shown.isEmpty ? "\(warnings.count) warnings (T)" : more, .muted)])
        }
        let (first, rest) = rect.splitTop(1)
        FlowText.draw(&canvas, first, groups: status)

        let t = snapshot.totals
        let vram = Format.gib(t.vramUsedBytes, absent: a) + "/" + Format.gib(t.vramTotalBytes, absent: a) + " GiB"
        let totals: [[FlowText.Piece]] = [
            gpuCount(t),
            [("VRAM ", .muted), (vram, ctx.thresholds.vram(t.vramFraction))],
            [("util ", .muted), (Format.percent(t.meanUtilization, absent: a), .text)],
            [("gen ", .muted), (Format.compact(t.generationTokensPerSecond, absent: a), .accent), (" tok/s", .muted)],
            [("prompt ", .muted), (Format.compact(t.promptTokensPerSecond, absent: a), .accent), (" tok/s", .muted)],
            [("running ", .muted), (Format.compact(t.running, absent: a), .text)],
            [
                ("waiting ", .muted),
                (Format.compact(t.waiting, absent: a), ctx.thresholds.queue(waiting: t.waiting, running: t.running)),
            ],
            [("TTFT p95 ", .muted), ttftP95(snapshot, absent: a)],
            [("instances ", .muted), (String(t.instanceCount), .text)],
        ]
        FlowText.draw(&canvas, rest, groups: totals)
    }

    /// The GPU count the VRAM, utilization and power beside it are over: "GPUs 14/16" when two GPUs' exporter
    /// stopped answering (their last readings are stale, not in the totals).
    private static func gpuCount(_ t: ClusterTotals) -> [FlowText.Piece] {
        guard t.reportingGPUCount < t.gpuCount else { return [("GPUs ", .muted), (String(t.gpuCount), .text)] }
        return [("GPUs ", .muted), (String(t.reportingGPUCount), .text), ("/" + String(t.gpuCount), .warn)]
    }

    /// The cluster's TTFT p95, marked "~" when it is interpolated from engines whose buckets differ.
    private static func ttftP95(_ snapshot: ClusterSnapshot, absent: String) -> FlowText.Piece {
        (snapshot.totals.ttft.text(\.p95, absent: absent), .text)
    }
}
