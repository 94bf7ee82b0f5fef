import Formatting
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

    @Test func tableColumnsShrinkThenHideByPriority() {
        let columns = [TableColumn("name", width: 10, minWidth: 4, priority: 90, alignment: .left, flexible: true),
                       TableColumn("a", width: 5, priority: 100), TableColumn("b", width: 5, priority: 10),
                       TableColumn("c", width: 6, minWidth: 3, priority: 50)]
        #expect(Table.fit(columns, width: 40) == [21, 5, 5, 6])   // room to spare goes to the flexible column
        #expect(Table.fit(columns, width: 29) == [10, 5, 5, 6])
        #expect(Table.fit(columns, width: 25) == [6, 5, 5, 6])    // shrink the column with the most slack first
        #expect(Table.fit(columns, width: 18) == [6, 5, nil, 5])  // b (lowest priority) hidden
        #expect(Table.fit(columns, width: 9) == [nil, 5, nil, nil]) // then c, then even name: a has the highest priority
        #expect(Table.fit(columns, width: 2) == [nil, nil, nil, nil])
    }

    @Test func tablePagesKeepTheSelectionVisible() {
        #expect(Table.firstRow(selected: 0, visibleRows: 10, rowCount: 100) == 0)
        #expect(Table.firstRow(selected: 9, visibleRows: 10, rowCount: 100) == 0)
        #expect(Table.firstRow(selected: 10, visibleRows: 10, rowCount: 100) == 10)
        #expect(Table.firstRow(selected: 99, visibleRows: 10, rowCount: 95) == 85)
        #expect(Table.firstRow(selected: 3, visibleRows: 10, rowCount: 5) == 0)
    }

    @Test func tableDrawsSortIndicatorAndSelection() {
        let table = Table(columns: [TableColumn("n", width: 3, alignment: .left), TableColumn("v", width: 4)], rowCount: 3,
                          selected: 1, sortColumn: 1, sortDescending: true)
        var canvas = Canvas(size: Size(width: 8, height: 4))
        let shown = table.draw(&canvas, canvas.bounds, glyphs: .braille) { row, column in
            .plain(column == 0 ? "r\(row)" : String(row * 10))
        }
        #expect(shown == 0..<3)
        #expect(canvas.plainText == "n     v▼\nr0     0\nr1    10\nr2    20")
        #expect(canvas.roles(row: 2).allSatisfy { $0 == .selection })
        #expect(canvas.roles(row: 0)[0] == .header)
        #expect(Table.truncate("meta-llama/Llama", to: 6, ellipsis: "…") == "meta-…")
    }

    @Test func lineChartDrawsAxesAndDots() {
        var canvas = Canvas(size: Size(width: 20, height: 6))
        LineChart.draw(&canvas, canvas.bounds, series: [ChartSeries(name: "s", values: [0, 5, 10, nil, 10], role: .series1)],
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
        let ascii = DashboardView.render(SampleCluster.frame(ticks: 5), state: UIState(), size: Size(width: 120, height: 40),
                                         glyphs: .ascii).plainText
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "ascii glyphs still drew non-ASCII")
    }
}
