import ClusterModel
import Formatting
import Insights
import TestSupport
import Testing

@testable import Dashboard

@Suite struct WidgetTests {
    @Test func sparklineScalesAndKeepsGaps() {
        #expect(Sparkline.text([0, 1, 2, 4, 8], glyphs: .braille) == "▁▂▃▅█")
        #expect(Sparkline.text([0.5, nil, 1], maximum: 1, glyphs: .braille) == "▅ █")
        #expect(Sparkline.text([0, 1], glyphs: .ascii) == "_#")
    }

    @Test func barGaugeFillsByEighthsAndLabelsOnTheRight() {
        var canvas = Canvas(size: Size(width: 16, height: 1))
        BarGauge.draw(&canvas, x: 0, y: 0, width: 16, fraction: 0.55, label: "40/80", role: .ok, glyphs: .braille)
        #expect(canvas.line(0) == "█████▌···· 40/80")
        #expect(canvas.roles(row: 0)[0] == .ok)
        #expect(canvas.roles(row: 0)[9] == .gaugeEmpty)
        var narrow = Canvas(size: Size(width: 6, height: 1))
        BarGauge.draw(&narrow, x: 0, y: 0, width: 6, fraction: 1, label: "80/80", role: .critical, glyphs: .ascii)
        #expect(narrow.line(0) == "######")
        var unknown = Canvas(size: Size(width: 8, height: 1))
        BarGauge.draw(&unknown, x: 0, y: 0, width: 8, fraction: nil, label: "—/80", role: .ok, glyphs: .braille)
        #expect(unknown.line(0) == "    —/80")
        #expect(unknown.roles(row: 0)[7] == .muted)
    }

    /// Issue 18, class 2: widths come from what the rows hold and a priority — names first, then numbers, then
    /// bars and histories take what is left; below the minimums, the lowest priority goes.
    @Test func columnWidthsComeFromContentAndPriority() {
        let demands = [
            ColumnLayout.Demand(.name(minimum: 6, maximum: 30, kind: .model), priority: 90, content: 22),
            ColumnLayout.Demand(.number, priority: 100, content: 5),
            ColumnLayout.Demand(.bar(preferred: 20), priority: 80, content: 9),
            ColumnLayout.Demand(.sparkline(minimum: 6, preferred: 12), priority: 10, content: 0),
        ]
        // Everything fits: the name is whole, the bar preferred, the history preferred, the rest to the bar.
        #expect(ColumnLayout.widths(demands, width: 70) == [22, 5, 20 + 8, 12])
        // A bar short of its preferred width costs a history of lower priority its place; the name is whole first.
        #expect(ColumnLayout.widths(demands, width: 49) == [22, 5, 20, nil])
        #expect(ColumnLayout.widths(demands, width: 60) == [22, 5, 20, 10])
        // Short of room: a name cut below legible (16) costs the columns of lower priority their place, the bar
        // too; one of higher priority keeps its own, and the name is cut when nothing is left to give. A legible
        // name (17) leaves the room beyond it to a history.
        #expect(ColumnLayout.widths(demands, width: 42) == [22, 5, 13, nil])
        #expect(ColumnLayout.widths(demands, width: 30) == [17, 5, nil, 6])
        #expect(ColumnLayout.widths(demands, width: 26) == [20, 5, nil, nil])
        #expect(ColumnLayout.widths(demands, width: 12) == [6, 5, nil, nil])
        #expect(ColumnLayout.widths(demands, width: 2) == [nil, nil, nil, nil])
        // A number of lower priority than a name goes before the name is cut to `…8B`.
        let numbers = [
            ColumnLayout.Demand(.name(minimum: 6, maximum: 30, kind: .model), priority: 90, content: 22),
            ColumnLayout.Demand(.number, priority: 100, content: 5),
            ColumnLayout.Demand(.number, priority: 20, content: 8),
        ]
        #expect(ColumnLayout.widths(numbers, width: 37) == [22, 5, 8])
        #expect(ColumnLayout.widths(numbers, width: 30) == [22, 5, nil])
    }

    @Test func namesAreShortenedByWhatTellsThemApart() {
        let model = "meta-llama/Llama-3.1-70B-Instruct"
        #expect(DisplayName.fit(model, kind: .model, width: 40) == model)
        #expect(DisplayName.fit(model, kind: .model, width: 22) == "Llama-3.1-70B-Instruct")
        #expect(DisplayName.fit(model, kind: .model, width: 15) == "Llama-3.1-70B")
        #expect(DisplayName.fit(model, kind: .model, width: 12) == "…70B")
        #expect(DisplayName.fit("meta-llama/Llama-3.1-8B-Instruct", kind: .model, width: 15) == "Llama-3.1-8B")
        #expect(DisplayName.fit("mistralai/Mixtral-8x7B-Instruct-v0.1", kind: .model, width: 14) == "Mixtral-8x7B")
        #expect(DisplayName.fit("Qwen/Qwen2.5-0.5B-Instruct", kind: .model, width: 16) == "Qwen2.5-0.5B")
        #expect(DisplayName.fit("microsoft/phi-1.5b-chat", kind: .model, width: 10) == "phi-1.5b")
        #expect(DisplayName.fit("Some-Model-2T-extra", kind: .model, width: 13) == "Some-Model-2T")
        #expect(DisplayName.fit("x-Model-12-chat", kind: .model, width: 10) == "x-Model-1…")
        #expect(DisplayName.fit("Modèle-٣B-chat", kind: .model, width: 10) == "Modèle-٣B")
        #expect(DisplayName.fit("Modèle-XB-chat", kind: .model, width: 10) == "Modèle-XB…")
        #expect(DisplayName.fit("gpu-node-0017", kind: .node, width: 6) == "…-0017")
        #expect(DisplayName.fit("NVIDIA H100 80GB HBM3", kind: .gpuModel, width: 10) == "H100 80GB")
        #expect(DisplayName.fit("NVIDIA H100 80GB HBM3", kind: .gpuModel, width: 6) == "H100")
        #expect(
            DisplayName.fit("http://gpu-node-17.cluster.local:8000/metrics", kind: .target, width: 40)
                == "gpu-node-17.cluster.local:8000")
        #expect(DisplayName.fit("http://gpu-node-17.cluster.local:8000/metrics", kind: .target, width: 16) == "gpu-node…al:8000")
    }

    /// A model's last path component, found from the name's end, is the last of its `/`-separated parts (empty parts
    /// left out), whatever the name holds: doubled and trailing slashes, only slashes, a slash with a combining mark
    /// (one character, not a separator), wide and multi-byte characters.
    @Test func aModelsLastComponentIsTheLastOfItsParts() {
        var random = SplitMix(seed: 11)
        let pieces = ["/", "/", "a", "Llama-3", "é", "/\u{301}", "日本", "-8B", " "]
        for _ in 0..<3000 {
            let name = (0..<random.below(8)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let parts = name.split(separator: "/")
            #expect(DisplayName.model(name) == (parts.last.map(String.init) ?? name), "\(name.debugDescription)")
        }
    }

    /// A target loses what comes up to its first `://` and a trailing `/metrics`, as `firstRange(of:)` and
    /// `hasSuffix` find them, for targets made of colons, slashes, letters and multi-byte characters.
    @Test func aTargetLosesItsSchemeAndMetricsPath() {
        var random = SplitMix(seed: 12)
        let pieces = [":", "/", "//", "://", "a", "metrics", "/metrics", "é", "日本", ":8000"]
        for _ in 0..<3000 {
            let target = (0..<random.below(7)).map { _ in pieces[random.below(pieces.count)] }.joined()
            var name = Substring(target)
            if let scheme = name.firstRange(of: "://") { name = name[scheme.upperBound...] }
            if name.hasSuffix("/metrics") { name = name.dropLast("/metrics".count) }
            #expect(DisplayName.target(target) == (name.isEmpty ? target : String(name)), "\(target.debugDescription)")
        }
    }

    @Test func instanceNamesKeepTheTargetAndALabelThatIsNoEngine() {
        #expect(DisplayName.instance(id: "sim://node-00/vllm-0|vllm|meta-llama/Llama-3.1-8B-Instruct") == "node-00/vllm-0")
        #expect(DisplayName.instance(id: "http://10.0.0.5:8000/metrics|worker-3|vllm|m") == "10.0.0.5:8000 worker-3")
        #expect(DisplayName.instance(id: "http://10.0.0.5:8000/metrics||vllm|m") == "10.0.0.5:8000")
        #expect(DisplayName.instance(id: "http://10.0.0.5:8000/metrics|worker-3") == "10.0.0.5:8000")
        #expect(DisplayName.instance(id: "http://10.0.0.5:8000/metrics") == "10.0.0.5:8000")
        #expect(DisplayName.instance(id: "") == "")
    }

    @Test func tablePagesKeepTheSelectionVisible() {
        #expect(TableText.firstRow(selected: 0, visibleRows: 10, rowCount: 100) == 0)
        #expect(TableText.firstRow(selected: 9, visibleRows: 10, rowCount: 100) == 0)
        #expect(TableText.firstRow(selected: 10, visibleRows: 10, rowCount: 100) == 10)
        #expect(TableText.firstRow(selected: 99, visibleRows: 10, rowCount: 95) == 85)
        #expect(TableText.firstRow(selected: 3, visibleRows: 10, rowCount: 5) == 0)
    }

    @Test func tableDrawsSortIndicatorAndSelection() {
        let columns: [Column<Int>] = [
            Column("n", .name(minimum: 2, maximum: 3, kind: .plain), priority: 90) { rows, i, _ in .plain("r\(rows[i])") },
            Column("v", .number, priority: 100) { rows, i, _ in .plain(String(rows[i] * 10)) },
        ]
        let table = Table(columns: columns, rows: [0, 1, 2], selected: 1, sort: (1, true))
        var canvas = Canvas(size: Size(width: 8, height: 4))
        let ctx = ViewContext(frame: .empty(source: "test"), state: UIState(), glyphs: .braille)
        let shown = table.draw(&canvas, canvas.bounds, ctx)
        #expect(shown == 0..<3)
        #expect(canvas.plainText == "n  v▼\nr0  0\nr1 10\nr2 20")
        #expect(canvas.roles(row: 2).allSatisfy { $0 == .selection })
        #expect(canvas.roles(row: 0)[0] == .header)
        #expect(TableText.truncate("meta-llama/Llama", to: 6, ellipsis: "…") == "meta-…")
    }

    /// A history column draws, at whatever width the table gives it, one mean per equal part of the chart window:
    /// five minutes of a GPU's utilization at 1 s, idle until 180 s and busy from then on, in ten
    /// columns of 30 s are six idle columns and four busy ones, whatever the scrape interval's own slicing.
    @Test func aHistoryColumnDrawsOneMeanPerColumnOfItsWidth() {
        var history = ClusterHistory(capacity: 900)
        for second in 1...300 {
            let gpu = GPU(id: "n/0", node: "n", index: 0, utilization: second < 180 ? 0 : 1)
            history.append(ClusterSnapshot(timeMs: Int64(second) * 1000, gpus: [gpu]))
        }
        let frame = DashboardFrame(
            snapshot: ClusterSnapshot(timeMs: 300_000, gpus: [GPU(id: "n/0", node: "n", index: 0)]), history: history,
            source: "test", intervalSeconds: 1, generation: 1)
        let ctx = ViewContext(frame: frame, state: UIState(), glyphs: .braille)
        #expect(ctx.state.chartWindowSeconds == 300)
        for width in [10, 5] {
            let columns: [Column<Int>] = [
                Column("util", .sparkline(minimum: width, preferred: width), priority: 100) { _, _, _ in
                    .sparkline(.gpu("n/0", .utilization), maximum: 1, role: .text)
                }
            ]
            var canvas = Canvas(size: Size(width: width, height: 2))
            Table(columns: columns, rows: [0]).draw(&canvas, canvas.bounds, ctx)
            let busy = width * 2 / 5
            #expect(canvas.line(1) == String(repeating: "▁", count: width - busy) + String(repeating: "█", count: busy))
        }
    }

    @Test func lineChartDrawsAxesAndDots() {
        var canvas = Canvas(size: Size(width: 20, height: 6))
        LineChart.draw(
            &canvas, canvas.bounds, series: [ChartSeries(name: "s", values: [0, 5, 10, nil, 10], role: .series1)],
            windowLabel: "-5m", glyphs: .braille, format: { Format.compact($0, absent: "") })
        let text = canvas.plainText
        #expect(text.hasPrefix("10"))
        #expect(canvas.line(5).contains("-5m") && canvas.line(5).hasSuffix("now"))
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect((0..<6).flatMap { canvas.roles(row: $0) }.contains(.series1))
        #expect(LineChart.niceCeiling(7.3) == 10 && LineChart.niceCeiling(120) == 200 && LineChart.niceCeiling(0) == 1)
    }

    @Test func formatsAreShortAndAbsentIsADash() {
        #expect(Format.compact(1234, absent: "—") == "1.2k")
        #expect(Format.compact(56, absent: "—") == "56")
        #expect(Format.compact(0.25, absent: "—") == "0.25")
        #expect(Format.compact(nil, absent: "—") == "—")
        #expect(Format.compact(.nan, absent: "—") == "?")  // NaN is an invalid reading, not an absent one
        #expect(Format.seconds(0.0421, absent: "—") == "42ms")
        #expect(Format.seconds(125, absent: "—") == "2m05s")
        #expect(Format.percent(0.973, absent: "—") == "97%")
        #expect(Format.gib(80 * 1_073_741_824, absent: "—") == "80.0")
        #expect(Format.clock(ms: 3_723_000) == "01:02:03 UTC")
        #expect(Format.fixed(-0.04, 1) == "0.0" && Format.fixed(-1.25, 1) == "-1.3")
    }

    @Test func glyphSetFollowsTheLocale() {
        #expect(GlyphSet.automatic(locale: "C.UTF-8") == .braille)
        #expect(GlyphSet.automatic(locale: "en_US.utf8") == .braille)
        #expect(GlyphSet.automatic(locale: "C") == .ascii)
        #expect(GlyphSet.automatic(locale: nil) == .ascii)
        let ascii = DashboardView.render(
            SampleCluster.frame(ticks: 5), state: UIState(), size: Size(width: 120, height: 40),
            glyphs: .ascii
        ).plainText
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "ascii glyphs still drew non-ASCII")
    }
}
