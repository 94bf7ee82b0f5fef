/// Where each panel of the overview goes, as a pure function of the terminal size and the UI state. Wide
/// terminals put the GPUs on the left and instances over charts on the right; narrower ones stack them, and the
/// charts go first when height runs out. Below `minimumSize` there is no layout: the too-small screen is shown.
public struct OverviewLayout: Equatable, Sendable {
    public var header: Rect
    public var gpus: Rect
    public var instances: Rect
    public var charts: Rect
    public var footer: Rect

    /// The smallest terminal the overview is drawn in.
    public static let minimumSize = Size(width: 60, height: 16)
    /// From this width the GPUs get their own column.
    public static let sideBySideWidth = 150

    /// Every panel rectangle, for overlap checks.
    public var all: [Rect] { [header, gpus, instances, charts, footer] }

    public static func headerHeight(width: Int) -> Int { width >= 120 ? 2 : 3 }

    public static func compute(_ size: Size) -> OverviewLayout? {
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else { return nil }
        let screen = Rect(size: size)
        let (header, rest) = screen.splitTop(headerHeight(width: size.width))
        let (body, footer) = rest.splitBottom(1)
        if size.width >= sideBySideWidth {
            let (left, right) = body.splitLeft(body.width * 9 / 20)
            let chartsHeight = right.height >= 24 ? right.height * 2 / 5 : (right.height >= 16 ? 8 : 0)
            let (instances, charts) = right.splitBottom(chartsHeight)
            return OverviewLayout(header: header, gpus: left, instances: instances, charts: charts, footer: footer)
        }
        // Stacked: charts need 8 rows to be worth drawing; GPUs and instances share the rest.
        let chartsHeight = body.height >= 30 ? body.height / 4 : (body.height >= 22 ? 8 : 0)
        let (upper, charts) = body.splitBottom(chartsHeight)
        let (gpus, instances) = upper.splitTop(upper.height / 2 + upper.height % 2)
        return OverviewLayout(header: header, gpus: gpus, instances: instances, charts: charts, footer: footer)
    }
}
