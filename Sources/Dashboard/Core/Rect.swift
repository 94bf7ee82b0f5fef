/// A rectangle of terminal cells: what layout hands to each panel and widget. Empty when width or height is ≤ 0.
package struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    package var x: Int
    package var y: Int
    package var width: Int
    package var height: Int

    package init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    package init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

    package var isEmpty: Bool { width <= 0 || height <= 0 }
    package var maxX: Int { x + width }
    package var maxY: Int { y + height }
    package var area: Int { width * height }
    package var size: Size { Size(width: width, height: height) }
    package var description: String { "(\(x),\(y) \(width)×\(height))" }

    /// The rectangle shrunk by `n` cells on every side (a box's interior).
    package func inset(by n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// Splits off the top `rows` rows; returns (top, rest). Rows beyond the height are clamped.
    package func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: r), Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Splits off the bottom `rows` rows; returns (rest, bottom).
    package func splitBottom(_ rows: Int) -> (Rect, Rect) {
        let (top, bottom) = splitTop(height - min(max(0, rows), height))
        return (top, bottom)
    }

    /// Splits off the left `columns` columns; returns (left, rest).
    package func splitLeft(_ columns: Int) -> (Rect, Rect) {
        let c = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: c, height: height), Rect(x: x + c, y: y, width: width - c, height: height))
    }

    /// Whether the two rectangles share at least one cell.
    package func intersects(_ other: Rect) -> Bool {
        !isEmpty && !other.isEmpty && x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether `other` lies entirely inside this rectangle (an empty rectangle lies inside anything).
    package func contains(_ other: Rect) -> Bool {
        other.isEmpty || (other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY)
    }

    /// The common part of two rectangles (empty when they do not meet).
    package func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x)
        let ny = max(y, other.y)
        return Rect(x: nx, y: ny, width: min(maxX, other.maxX) - nx, height: min(maxY, other.maxY) - ny)
    }
}
