import Formatting

/// The plain-text form of a `ClusterSnapshot` for `infertop snapshot`: a few aligned tables a person reads
/// in a terminal or a log. Absent values print as "—"; text from the network is stripped of control
/// characters first.
package enum SnapshotText {
    package static func render(_ snapshot: ClusterSnapshot, errors: [String] = []) -> String {
        var out = ""
        let t = snapshot.totals
        let stale = t.gpuCount - t.reportingGPUCount
        out +=
            "CLUSTER  \(t.gpuCount) GPUs\(stale > 0 ? " (\(stale) stale: not in the totals)" : "")  \(t.instanceCount) instances  \(snapshot.targets.filter(\.up).count)/\(snapshot.targets.count) targets up\n"
        out +=
            "  VRAM \(bytes(t.vramUsedBytes)) / \(bytes(t.vramTotalBytes)) (\(percent(t.vramFraction)))"
            + "  util \(percent(t.meanUtilization))  power \(number(t.powerWatts, unit: " W"))\n"
        out +=
            "  tokens/s gen \(number(t.generationTokensPerSecond)) prompt \(number(t.promptTokensPerSecond))"
            + "  req/s \(number(t.requestsPerSecond))  running \(number(t.running))  waiting \(number(t.waiting))"
            + (snapshot.rateWindowMs.map { "  (rates over \(Format.window(Double($0) / 1000)))" } ?? "") + "\n"
        out +=
            "  TTFT p50 \(t.ttft.text(\.p50, absent: "—")) p95 \(t.ttft.text(\.p95, absent: "—"))"
            + " p99 \(t.ttft.text(\.p99, absent: "—"))  ITL p50 \(t.itl.text(\.p50, absent: "—"))"
            + "  E2E p95 \(t.e2e.text(\.p95, absent: "—"))\n"
        if !snapshot.gpus.isEmpty {
            out += "\nGPUS\n"
            out += table(
                ["NODE", "GPU", "MODEL", "VRAM USED", "TOTAL", "VRAM", "UTIL", "TEMP", "POWER", "SM MHz", "STATE"],
                snapshot.gpus.map { g in
                    [
                        clean(g.node), g.migProfile.map { "\(g.index) \(clean($0))" } ?? String(g.index),
                        clean(g.modelName ?? "—"),
                        bytes(g.vramUsedBytes), bytes(g.vramTotalBytes), percent(g.vramFraction), percent(g.utilization),
                        number(g.temperatureC, unit: " C"), number(g.powerWatts, unit: " W"), number(g.smClockMHz),
                        g.stale ? "stale" : "ok",
                    ]
                })
        }
        if !snapshot.instances.isEmpty {
            out += "\nINSTANCES\n"
            out += table(
                [
                    "ENGINE", "MODEL", "NODE", "STATE", "RUN", "WAIT", "KV", "TTFT p50", "TTFT p95", "ITL p50",
                    "E2E p95", "PROMPT t/s", "GEN t/s", "REQ/s", "STOP/LEN/ABORT/ERR /s", "TARGET",
                ],
                snapshot.instances.map { i in
                    [
                        i.engine.label, clean(i.model ?? "—"), clean(i.node ?? "—"), i.state.label, number(i.running),
                        number(i.waiting), percent(i.kvCacheUsage), seconds(i.ttft.p50), seconds(i.ttft.p95),
                        LatencyFigure.text(i.interTokenLatency, absent: "—"),
                        seconds(i.e2e.p95), number(i.promptTokensPerSecond), number(i.generationTokensPerSecond),
                        number(i.requestsPerSecond), outcomes(i), clean(i.target),
                    ]
                })
        }
        if !snapshot.byGPUType.isEmpty {
            out += "\nGPU TYPES\n"
            out += table(
                ["MODEL", "COUNT", "VRAM", "UTIL", "POWER", "GEN t/s/GPU", "GEN t/s/W", "TTFT p95"],
                snapshot.byGPUType.map { g in
                    [
                        clean(g.modelName), String(g.count), percent(g.meanVRAMFraction), percent(g.meanUtilization),
                        number(g.powerWatts, unit: " W"), number(g.generationTokensPerSecondPerGPU),
                        number(g.generationTokensPerWatt),
                        (g.ttftP95Interpolated && g.ttftP95 != nil ? Quantiles.interpolatedMark : "") + seconds(g.ttftP95),
                    ]
                })
        }
        out += "\nTARGETS\n"
        out += table(
            ["TARGET", "UP", "SAMPLES", "BYTES", "ERRORS", "LAST ERROR"],
            snapshot.targets.map { t in
                [
                    clean(t.id), t.up ? "up" : "DOWN", t.samples.map(String.init) ?? "—", t.bytes.map(String.init) ?? "—",
                    String(t.errorCount), clean(t.lastError ?? ""),
                ]
            })
        for target in snapshot.targets {
            for note in target.dataQuality { out += "data: \(clean(target.id)): \(clean(note))\n" }
        }
        if snapshot.instances.contains(where: { $0.interTokenLatency?.isMean == true }) {
            out += "note: \(LatencyFigure.meanMark) marks a mean: the engine keeps no ITL histogram\n"
        }
        if [t.ttft, t.itl, t.e2e].contains(where: \.interpolated) || snapshot.byGPUType.contains(where: \.ttftP95Interpolated) {
            out += "note: \(Quantiles.interpolatedMark) marks a quantile interpolated from engines whose buckets differ\n"
        }
        for note in snapshot.notes { out += "note: \(clean(note))\n" }
        for error in errors { out += "error: \(clean(error))\n" }
        return out
    }

    /// How requests finished, per second: stop / length / abort / error ("—" for each one not reported).
    static func outcomes(_ i: EngineInstance) -> String {
        [i.stoppedPerSecond, i.lengthLimitedPerSecond, i.abortedPerSecond, i.failedPerSecond].map { number($0) }
            .joined(separator: "/")
    }

    /// Text from the network made safe for a terminal or a log (`TextSanitizer`).
    static func clean(_ text: String) -> String { TextSanitizer.clean(text) }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        // Columns line up by display width, so a wide model name does not push the next column over.
        var widths = header.map(DisplayWidth.of)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) } }
        func line(_ cells: [String]) -> String {
            var text = " "
            for (index, cell) in cells.enumerated() {
                text += " " + cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    // The text snapshot writes figures as the screens do (`Format`), with units spelled out for a log.
    static func number(_ value: Double?, unit: String = "") -> String {
        value == nil ? "—" : Format.compact(value, absent: "—") + unit
    }

    static func percent(_ fraction: Double?) -> String { Format.percent(fraction, absent: "—", decimals: 1) }

    static func seconds(_ value: Double?) -> String { Format.seconds(value, absent: "—") }

    static func bytes(_ value: Double?) -> String {
        guard let value else { return "—" }
        guard value.isFinite else { return Format.invalid }
        return value.isFinite && abs(value) < 1_073_741_824
            ? Format.fixed(value / 1_048_576, 0) + " MiB"
            : Format.gib(value, absent: "—") + " GiB"
    }
}
