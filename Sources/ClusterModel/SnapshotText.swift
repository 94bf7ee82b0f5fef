#if canImport(Glibc)
import Glibc
#endif

/// The plain-text form of a `ClusterSnapshot` for `infertop snapshot`: a few aligned tables a person reads
/// in a terminal or a log. Absent values print as "—"; text from the network is stripped of control
/// characters first.
public enum SnapshotText {
    public static func render(_ snapshot: ClusterSnapshot, errors: [String] = []) -> String {
        var out = ""
        let t = snapshot.totals
        out += "CLUSTER  \(t.gpuCount) GPUs  \(t.instanceCount) instances  \(snapshot.targets.filter(\.up).count)/\(snapshot.targets.count) targets up\n"
        out += "  VRAM \(bytes(t.vramUsedBytes)) / \(bytes(t.vramTotalBytes)) (\(percent(t.vramFraction)))"
            + "  util \(percent(t.meanUtilization))  power \(number(t.powerWatts, unit: " W"))\n"
        out += "  tokens/s gen \(number(t.generationTokensPerSecond)) prompt \(number(t.promptTokensPerSecond))"
            + "  req/s \(number(t.requestsPerSecond))  running \(number(t.running))  waiting \(number(t.waiting))\n"
        out += "  TTFT p50 \(seconds(t.ttft.p50)) p95 \(seconds(t.ttft.p95)) p99 \(seconds(t.ttft.p99))"
            + "  ITL p50 \(seconds(t.itl.p50))  E2E p95 \(seconds(t.e2e.p95))\n"
        if !snapshot.gpus.isEmpty {
            out += "\nGPUS\n"
            out += table(["NODE", "GPU", "MODEL", "VRAM USED", "TOTAL", "VRAM", "UTIL", "TEMP", "POWER", "SM MHz", "STATE"],
                         snapshot.gpus.map { g in
                [clean(g.node), g.migProfile.map { "\(g.index) \(clean($0))" } ?? String(g.index), clean(g.modelName ?? "—"),
                 bytes(g.vramUsedBytes), bytes(g.vramTotalBytes), percent(g.vramFraction), percent(g.utilization),
                 number(g.temperatureC, unit: " C"), number(g.powerWatts, unit: " W"), number(g.smClockMHz),
                 g.stale ? "stale" : "ok"]
            })
        }
        if !snapshot.instances.isEmpty {
            out += "\nINSTANCES\n"
            out += table(["ENGINE", "MODEL", "NODE", "STATE", "RUN", "WAIT", "KV", "TTFT p50", "TTFT p95", "ITL p50",
                          "E2E p95", "PROMPT t/s", "GEN t/s", "REQ/s", "STOP/LEN/ABORT/ERR /s", "TARGET"],
                         snapshot.instances.map { i in
                [i.engine.label, clean(i.model ?? "—"), clean(i.node ?? "—"), i.state.label, number(i.running),
                 number(i.waiting), percent(i.kvCacheUsage), seconds(i.ttft.p50), seconds(i.ttft.p95), seconds(i.itl.p50),
                 seconds(i.e2e.p95), number(i.promptTokensPerSecond), number(i.generationTokensPerSecond),
                 number(i.requestsPerSecond), outcomes(i), clean(i.target)]
            })
        }
        if !snapshot.byGPUType.isEmpty {
            out += "\nGPU TYPES\n"
            out += table(["MODEL", "COUNT", "VRAM", "UTIL", "POWER", "GEN t/s/GPU", "GEN t/s/W", "TTFT p95"],
                         snapshot.byGPUType.map { g in
                [clean(g.modelName), String(g.count), percent(g.meanVRAMFraction), percent(g.meanUtilization),
                 number(g.powerWatts, unit: " W"), number(g.generationTokensPerSecondPerGPU), number(g.generationTokensPerWatt),
                 seconds(g.ttftP95)]
            })
        }
        out += "\nTARGETS\n"
        out += table(["TARGET", "UP", "SAMPLES", "BYTES", "ERRORS", "LAST ERROR"], snapshot.targets.map { t in
            [clean(t.id), t.up ? "up" : "DOWN", t.samples.map(String.init) ?? "—", t.bytes.map(String.init) ?? "—",
             String(t.errorCount), clean(t.lastError ?? "")]
        })
        for note in snapshot.notes { out += "note: \(clean(note))\n" }
        for error in errors { out += "error: \(clean(error))\n" }
        return out
    }

    /// How requests finished, per second: stop / length / abort / error ("—" for each one not reported).
    static func outcomes(_ i: EngineInstance) -> String {
        [i.stoppedPerSecond, i.lengthLimitedPerSecond, i.abortedPerSecond, i.failedPerSecond].map { number($0) }
            .joined(separator: "/")
    }

    /// Control and escape characters replaced by spaces, so a label value cannot move the cursor or recolour a terminal.
    public static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0x20 && !(0x7f...0x9f).contains($0.value) ? $0 : " " }))
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            var text = " "
            for (index, cell) in cells.enumerated() {
                text += " " + cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    static func number(_ value: Double?, unit: String = "") -> String {
        guard let value else { return "—" }
        let magnitude = abs(value)
        let text: String
        if magnitude >= 1e6 { text = fixed(value / 1e6, 2) + "M" }
        else if magnitude >= 1e4 { text = fixed(value / 1e3, 1) + "k" }
        else if magnitude == magnitude.rounded() { text = String(Int64(value)) }
        else { text = fixed(value, magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 3) }
        return text + unit
    }

    static func percent(_ fraction: Double?) -> String {
        guard let fraction else { return "—" }
        return fixed(fraction * 100, 1) + "%"
    }

    static func seconds(_ value: Double?) -> String {
        guard let value else { return "—" }
        return value < 1 ? fixed(value * 1000, 1) + " ms" : fixed(value, 2) + " s"
    }

    static func bytes(_ value: Double?) -> String {
        guard let value else { return "—" }
        let gib = value / 1_073_741_824
        return gib >= 1 ? fixed(gib, 1) + " GiB" : fixed(value / 1_048_576, 0) + " MiB"
    }

    /// `value` with `digits` decimals (no Foundation: the model stays dependency-free).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        let factor = pow(10.0, Double(digits))
        let scaled = (abs(value) * factor).rounded()
        let whole = Int64(scaled / factor)
        var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fraction = String(Int64(scaled) - whole * Int64(factor))
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }
}
