/// The frame shared by full screens other than the overview (targets now, the detail screens later):
/// header, one body, footer.
package struct ScreenLayout: Equatable, Sendable {
    package var header: Rect
    package var body: Rect
    package var footer: Rect

    package static func compute(_ size: Size) -> ScreenLayout? {
        guard size.width >= OverviewLayout.minimumSize.width, size.height >= OverviewLayout.minimumSize.height else {
            return nil
        }
        let (header, rest) = Rect(size: size).splitTop(OverviewLayout.headerHeight(width: size.width))
        let (body, footer) = rest.splitBottom(1)
        return ScreenLayout(header: header, body: body, footer: footer)
    }

    /// Where the help overlay goes: centred, at most `maxWidth`×(rows + 4), inside the screen.
    package static func helpRect(_ size: Size, rows: Int, maxWidth: Int = 76) -> Rect {
        let width = min(size.width - 2, maxWidth)
        let height = min(size.height - 2, rows + 4)
        return Rect(x: (size.width - width) / 2, y: (size.height - height) / 2, width: width, height: height)
    }
}
