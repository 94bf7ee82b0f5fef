/// Where each panel of the overview goes, as a pure function of the terminal size and of how many lines the GPU
/// and instance tables hold. Panels take the space their rows need and give the rest to the others: a cluster of
/// one GPU does not keep half the screen for it, and engines without GPU exporters get the screen.
///
/// Wide terminals put the GPUs on the left: with many GPUs they take the whole column and the instances sit over
/// the charts on the right; with few, the charts move under them and the instances take the right column; when
/// both are short, they sit side by side as tall as the longer and the charts span the width below.
/// Narrower terminals stack GPUs, instances and charts. Below `minimumSize` there is no layout: the too-small
/// screen is shown.
package struct OverviewLayout: Equatable, Sendable {
    package var header: Rect
    package var gpus: Rect
    package var instances: Rect
    package var charts: Rect
    package var footer: Rect

    /// The smallest terminal the overview is drawn in.
    package static let minimumSize = Size(width: 60, height: 16)
    /// From this width the GPUs get their own column.
    package static let sideBySideWidth = 150
    /// The fewest rows worth drawing charts in.
    static let chartRows = 8
    /// A table's box: top and bottom border and the header row.
    static let tableFrame = 3

    /// Every panel rectangle, for overlap checks.
    package var all: [Rect] { [header, gpus, instances, charts, footer] }

    package static func headerHeight(width: Int) -> Int { width >= 120 ? 2 : 3 }

    /// The layout for `size`; `gpuRows` and `instanceRows` are the lines each table holds (nil: as many as fit).
    package static func compute(_ size: Size, gpuRows: Int? = nil, instanceRows: Int? = nil) -> OverviewLayout? {
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else { return nil }
        let screen = Rect(size: size)
        let (header, rest) = screen.splitTop(headerHeight(width: size.width))
        let (body, footer) = rest.splitBottom(1)
        let gpuNeed = gpuRows.map { $0 + tableFrame } ?? Int.max / 4
        let instanceNeed = instanceRows.map { $0 + tableFrame } ?? Int.max / 4
        // With no GPU at all (engines without exporters) the GPU panel shrinks to its message.
        let noGPUs = gpuRows == 0
        if size.width >= sideBySideWidth && !noGPUs {
            if gpuNeed + chartRows <= body.height && instanceNeed + chartRows <= body.height {
                // Both tables are short: side by side as tall as the longer, the charts across the width below.
                let (top, charts) = body.splitTop(max(gpuNeed, instanceNeed))
                let (gpus, instances) = top.splitLeft(top.width * 9 / 20)
                return OverviewLayout(header: header, gpus: gpus, instances: instances, charts: charts, footer: footer)
            }
            let (left, right) = body.splitLeft(body.width * 9 / 20)
            if gpuNeed + chartRows <= left.height {
                // Few GPUs: the charts go under them, the instances take the right column.
                let (gpus, charts) = left.splitTop(gpuNeed)
                return OverviewLayout(header: header, gpus: gpus, instances: right, charts: charts, footer: footer)
            }
            let chartsHeight = right.height >= 24 ? right.height * 2 / 5 : (right.height >= 16 ? chartRows : 0)
            // Instances that need less than their share leave it to the charts.
            let instancesHeight = min(instanceNeed, right.height - chartsHeight)
            let (instances, charts) = right.splitTop(min(right.height, max(tableFrame + 1, instancesHeight)))
            return OverviewLayout(header: header, gpus: left, instances: instances, charts: charts, footer: footer)
        }
        // Stacked: charts need 8 rows to be worth drawing; GPUs and instances share the rest by what they hold.
        let chartsHeight = body.height >= 30 ? body.height / 4 : (body.height >= 22 ? chartRows : 0)
        let upper = body.height - chartsHeight
        let gpuHeight: Int
        if noGPUs {
            gpuHeight = min(upper / 2, tableFrame + 1)
        } else if gpuNeed + instanceNeed <= upper {
            gpuHeight = gpuNeed
        } else {
            // Each gets what it needs up to half; the one that needs more takes what the other leaves.
            let half = upper / 2 + upper % 2
            gpuHeight = gpuNeed <= half ? gpuNeed : max(half, upper - min(instanceNeed, upper - half))
        }
        let (gpus, below) = body.splitTop(gpuHeight)
        // The instances take what they need (leaving the charts their rows); the charts take everything left.
        let instancesHeight = instanceNeed + chartsHeight <= below.height ? instanceNeed : below.height - chartsHeight
        let (instances, charts) = below.splitTop(max(min(below.height, tableFrame + 1), instancesHeight))
        return OverviewLayout(header: header, gpus: gpus, instances: instances, charts: charts, footer: footer)
    }
}
