import ClusterModel
import Formatting

/// The compact GPU view: one line per node (wrapping when needed), each GPU a small tile `07▆▃ 87%` — index,
/// VRAM level, utilization level, VRAM percent — coloured by the VRAM threshold. Fits hundreds of GPUs on a screen.
package enum GPUTiles {
    static let tileWidth = 9
    static let nodeWidth = 12

    /// One display line: the node label (on a node's first line) and the indices of its GPUs in `gpus`.
    struct Line: Equatable {
        var node: String?
        var gpus: Range<Int>
    }

    static func lines(_ gpus: [GPU], width: Int) -> [Line] {
        let perLine = max(1, (width - nodeWidth) / tileWidth)
        var lines: [Line] = []
        var start = 0
        while start < gpus.count {
            var end = start
            while end < gpus.count, gpus[end].node == gpus[start].node { end += 1 }
            var lineStart = start
            while lineStart < end {
                let lineEnd = min(end, lineStart + perLine)
                lines.append(Line(node: lineStart == start ? gpus[start].node : nil, gpus: lineStart..<lineEnd))
                lineStart = lineEnd
            }
            start = end
        }
        return lines
    }

    @discardableResult
    static func draw(_ canvas: inout Canvas, _ rect: Rect, gpus: [GPU], ctx: ViewContext, focused: Bool) -> Range<Int> {
        guard !rect.isEmpty else { return 0..<0 }
        let all = lines(gpus, width: rect.width)
        let selected = min(ctx.state.selected(.gpus), max(0, gpus.count - 1))
        let selectedLine = all.firstIndex { $0.gpus.contains(selected) }
        let first = TableText.firstRow(selected: selectedLine, visibleRows: rect.height, rowCount: all.count)
        for (offset, line) in all[first..<min(all.count, first + rect.height)].enumerated() {
            let y = rect.y + offset
            if let node = line.node {
                canvas.write(
                    TableText.truncate(ctx.clean(node), to: nodeWidth - 1, ellipsis: ctx.glyphs.ellipsis),
                    x: rect.x, y: y, role: .accent, maxWidth: nodeWidth - 1)
            }
            for (i, index) in line.gpus.enumerated() {
                let gpu = gpus[index]
                let x = rect.x + nodeWidth + i * tileWidth
                let role = gpu.stale ? StyleRole.muted : ctx.thresholds.vram(gpu.vramFraction)
                let indexText = gpu.index < 10 ? "0" + String(gpu.index) : String(gpu.index)
                let vram = gpu.vramFraction.map { ctx.glyphs.level($0) } ?? " "
                let util = gpu.utilization.map { ctx.glyphs.level($0) } ?? " "
                let pct = Format.percent(gpu.vramFraction, absent: ctx.absent)
                let text = indexText + String(vram) + String(util) + String(repeating: " ", count: max(1, 5 - pct.count)) + pct
                let width = min(tileWidth - 1, rect.maxX - x)
                canvas.write(text, x: x, y: y, role: role, maxWidth: width)
                if focused, index == selected {
                    canvas.restyle(Rect(x: x, y: y, width: width, height: 1), role: .selection)
                }
            }
        }
        return first..<min(all.count, first + rect.height)
    }
}
