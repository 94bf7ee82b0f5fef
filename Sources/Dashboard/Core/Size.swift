/// A terminal size in cells.
package struct Size: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var width: Int
    package var height: Int
    package init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    package var description: String { "\(width)×\(height)" }
}
