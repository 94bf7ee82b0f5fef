import ClusterModel
import Formatting
import Insights

/// One cell per GPU, nodes packed side by side ("node-12 ▆▆▂▂█▆▂▂"), coloured by the chosen metric's legend
/// level: thousands of GPUs on one screen. The selected cell's GPU is described under the map; Enter opens it.
package enum HeatmapView {
    /// Columns a node's name gets in front of its cells: the longest name (up to 16) and a space.
    static func nameWidth(_ map: Heatmap) -> Int {
        min(16, map.rows.map { DisplayWidth.of($0.node) }.max() ?? 0) + 1
    }

    package static func draw(_ canvas: inout Canvas, _ rect: Rect, _ ctx: ViewContext) {
        let metric = ctx.state.insight.heatmapMetric
        let map = InsightRows.heatmap(ctx.frame, ctx.state)
        let note = InsightFilter(ctx.state.filter).titleNote(ctx.state.filter)
        let inside = Box.draw(
            &canvas, rect, title: "heatmap · " + metric.title + " · \(map.cellCount) GPUs" + note,
            focused: true, glyphs: ctx.glyphs)
        let nameWidth = nameWidth(map)
        guard inside.height >= 3, inside.width >= nameWidth + 4 else { return }
        let (mapArea, info) = inside.splitBottom(2)
        let selected = ctx.state.insight.selected(.heatmap)
        let blocks = layout(map, width: mapArea.width)
        let lines = (blocks.last?.line ?? -1) + 1
        let selectedLine = blocks.first { $0.firstCell <= selected && selected < $0.firstCell + $0.count }?.line ?? 0
        let firstLine = TableText.firstRow(selected: selectedLine, visibleRows: mapArea.height, rowCount: lines)
        for block in blocks where block.line >= firstLine && block.line < firstLine + mapArea.height {
            let y = mapArea.y + block.line - firstLine
            let x = mapArea.x + block.x
            let name = TableText.truncate(TextSanitizer.clean(block.node), to: nameWidth - 1, ellipsis: ctx.glyphs.ellipsis)
            canvas.write(name, x: x, y: y, role: .muted, maxWidth: nameWidth - 1)
            for (i, cell) in map.rows[block.row].cells.enumerated() {
                let flat = block.firstCell + i
                let character = cell.level.map { ctx.glyphs.level(Double($0 + 1) / 5) } ?? "·"
                let role = flat == selected ? StyleRole.selection : self.role(cell.level, metric)
                canvas.put(character, x: x + nameWidth + i, y: y, role: role, clip: mapArea)
            }
        }
        let selectedBlock = blocks.first { $0.firstCell <= selected && selected < $0.firstCell + $0.count }
        let cell = selectedBlock.map { map.rows[$0.row].cells[selected - $0.firstCell] }
        drawInfo(&canvas, info, map, selected: cell, ctx)
    }

    /// Where each node's block goes: as many blocks per line as fit, each `nameWidth` + its cells + a gap.
    struct Block {
        var row: Int, node: String, line: Int, x: Int, firstCell: Int, count: Int
    }

    static func layout(_ map: Heatmap, width: Int) -> [Block] {
        let nameWidth = nameWidth(map)
        let widest = map.rows.map(\.cells.count).max() ?? 0
        let blockWidth = nameWidth + widest + 2
        let perLine = max(1, (width + 2) / blockWidth)
        var blocks: [Block] = []
        var first = 0
        for (i, row) in map.rows.enumerated() {
            blocks.append(
                Block(
                    row: i, node: row.node, line: i / perLine, x: (i % perLine) * blockWidth,
                    firstCell: first, count: row.cells.count))
            first += row.cells.count
        }
        return blocks
    }

    /// The legend level's role: hot colours for values where high is bad; for utilization, busy is good.
    static func role(_ level: Int?, _ metric: HeatmapMetric) -> StyleRole {
        guard let level else { return .muted }
        let ramp: [StyleRole] =
            metric.higherIsWorse
            ? [.ok, .ok, .accent, .warn, .critical]
            : [.muted, .text, .accent, .ok, .ok]
        return ramp[min(level, ramp.count - 1)]
    }

    static func drawInfo(_ canvas: inout Canvas, _ rect: Rect, _ map: Heatmap, selected: Heatmap.Cell?, _ ctx: ViewContext) {
        let (first, second) = rect.splitTop(1)
        var legend: [[FlowText.Piece]] = [[("legend ", .muted)]]
        for bucket in map.legend.buckets {
            legend.append([
                (String(ctx.glyphs.level(Double(bucket.level + 1) / 5)), role(bucket.level, map.metric)),
                (" " + bucket.label + " ", .text), ("\(bucket.count)", .muted),
            ])
        }
        legend.append([("· no data ", .muted), ("\(map.legend.absentCount)", .muted)])
        FlowText.draw(&canvas, first, groups: legend)
        guard let selected, let gpu = ctx.snapshot.gpu(id: selected.gpuID) else { return }
        let value = selected.value.map(map.metric.format) ?? ctx.absent
        FlowText.draw(
            &canvas, second,
            groups: [
                [("GPU ", .muted), (ctx.clean(gpu.id), .accent)], [(ctx.clean(gpu.modelName), .text)],
                [(map.metric.title + " ", .muted), (value, role(selected.level, map.metric))],
                [("Enter", .key), (" details", .muted)],
            ])
    }

    /// The selection `rows` node lines up or down, keeping the position within the node where it can.
    package static func move(_ selected: Int, rows: Int, map: Heatmap) -> Int {
        var starts: [Int] = []
        var first = 0
        for row in map.rows {
            starts.append(first)
            first += row.cells.count
        }
        guard let current = starts.lastIndex(where: { $0 <= selected }) else { return 0 }
        let target = max(0, min(map.rows.count - 1, current + rows))
        let offset = min(selected - starts[current], map.rows[target].cells.count - 1)
        return starts[target] + max(0, offset)
    }
}
