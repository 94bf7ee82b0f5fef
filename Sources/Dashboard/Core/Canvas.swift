import Formatting

/// A grid of styled cells that every view draws into. It is the one renderer behind every sink: the curses
/// backend diffs and blits it, `plainText` prints it for snapshots and golden tests. Drawing outside the grid is
/// clipped silently, so no widget can crash on a tiny terminal.
package struct Canvas: Equatable, Sendable {
    package let size: Size
    package private(set) var cells: [Cell]

    package init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    package var width: Int { size.width }
    package var height: Int { size.height }
    package var bounds: Rect { Rect(size: size) }

    package subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, y >= 0, x < width, y < height else { return .blank }
        return cells[y * width + x]
    }

    /// Puts one character at (x, y) if it lies on the canvas; a wide character that does not fit becomes a space.
    /// A character that cannot be drawn safely (`DisplayWidth.of` is nil: a control character, an unassigned
    /// scalar, a cluster terminals draw at different widths) is drawn as `?`; one that draws nothing is skipped.
    /// Every character any widget writes passes here, so nothing reaches the terminal at a width the canvas did not
    /// count. Returns the number of columns used.
    @discardableResult
    package mutating func put(_ character: Character, x: Int, y: Int, role: StyleRole, clip: Rect? = nil) -> Int {
        guard let w = DisplayWidth.of(character) else {
            return put("?", x: x, y: y, role: role, clip: clip)
        }
        guard w > 0 else { return 0 }
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard y >= area.y, y < area.maxY, x >= area.x, x < area.maxX else { return w }
        if w == 2 && x + 1 >= area.maxX {
            set(x, y, Cell(" ", role))
            return w
        }
        set(x, y, Cell(DisplayWidth.visible(character), role))
        if w == 2 { set(x + 1, y, Cell(Cell.continuationCharacter, role)) }
        return w
    }

    /// Writes `text` from (x, y), using at most `maxWidth` columns (and never beyond `clip` or the canvas).
    /// Returns the number of columns written.
    @discardableResult
    package mutating func write(
        _ text: String, x: Int, y: Int, role: StyleRole, maxWidth: Int = .max,
        clip: Rect? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width, maxWidth > 0 else { return 0 }
        var column = x
        // Stop at the right edge (of the clip or the canvas) so the returned width is what is really on screen.
        let area = clip?.intersection(bounds) ?? bounds
        let limit = min(x + min(maxWidth, 1 << 30), area.maxX)
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII, nearly all the text a frame writes: a byte is a column and draws as itself, so the
            // bytes go in without breaking the text into characters and measuring each (what `put` does).
            let count = max(0, min(text.utf8.count, limit - x))
            guard y >= area.y, y < area.maxY else { return count }
            let first = max(x, area.x)
            let end = x + count
            guard first < end else { return count }
            // The cells between the run's ends are all overwritten, so only its two ends can cut a wide character
            // (what `set` checks at every cell).
            let row = y * width
            if first > 0, cells[row + first].isContinuation { cells[row + first - 1].character = " " }
            if end < width, cells[row + end].isContinuation { cells[row + end].character = " " }
            cells.withUnsafeMutableBufferPointer { cells in
                var column = x
                for byte in text.utf8.prefix(count) {
                    if column >= first { cells[row + column] = Cell(Canvas.asciiCharacters[Int(byte)], role) }
                    column += 1
                }
            }
            return count
        }
        for character in text {
            let w = DisplayWidth.of(character) ?? 1  // drawn as `?`
            if w == 0 { continue }
            if column + w > limit { break }
            put(character, x: column, y: y, role: role, clip: clip)
            column += w
        }
        return column - x
    }

    /// Copies another canvas onto this one with its top-left corner at (x, y), clipped to this canvas.
    package mutating func paste(_ other: Canvas, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width {
                let cell = other[column, row]
                let (tx, ty) = (x + column, y + row)
                guard tx >= 0, ty >= 0, tx < width, ty < height else { continue }
                set(tx, ty, cell)
            }
        }
    }

    /// Fills a rectangle (clipped to the canvas) with one character.
    package mutating func fill(_ rect: Rect, with character: Character = " ", role: StyleRole = .text) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(character, role)
        for row in area.y..<area.maxY {
            let base = row * width
            // A wide character cut by the edge of the area loses its other half too, never leaving a stray half.
            if area.x > 0, cells[base + area.x].isContinuation { cells[base + area.x - 1].character = " " }
            if area.maxX < width, cells[base + area.maxX].isContinuation { cells[base + area.maxX].character = " " }
            for column in area.x..<area.maxX { cells[base + column] = cell }
        }
    }

    /// Changes the role of every cell in a rectangle, keeping the characters (used for selection highlights).
    package mutating func restyle(_ rect: Rect, role: StyleRole) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { cells[row * width + column].role = role }
        }
    }

    /// Replaces every non-ASCII character with an ASCII look-alike (`—`→`-`, `·`→`.`, `µ`→`u`, …) or `?`, for
    /// terminals whose locale is not UTF-8: widgets draw their usual text and this one table makes it safe.
    package mutating func foldToASCII() {
        for i in cells.indices where !(cells[i].character.isASCII) {
            if cells[i].isContinuation {
                cells[i].character = " "
            } else {
                cells[i].character = Canvas.asciiFold[cells[i].character] ?? "?"
            }
        }
    }

    /// Every ASCII byte as a `Character`, made once rather than for every cell of every frame.
    private static let asciiCharacters: [Character] = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }

    static let asciiFold: [Character: Character] = [
        "—": "-", "–": "-", "·": ".", "µ": "u", "×": "x", "…": "~", "▲": "^", "▼": "v", "°": "o", "←": "<", "→": ">",
        "↑": "^", "↓": "v", "▏": "|",
    ]

    /// One row as text (continuation cells skipped), trailing spaces kept.
    package func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        out.reserveCapacity(width)
        for column in 0..<width {
            let cell = cells[y * width + column]
            if !cell.isContinuation { out.append(cell.character) }
        }
        return out
    }

    /// The whole canvas as text, one line per row with trailing spaces removed: the golden-frame and snapshot form.
    package var plainText: String {
        (0..<height).map { trimTrailing(line($0)) }.joined(separator: "\n")
    }

    /// The roles of one row, for tests that assert a look (e.g. "this GPU's bar is critical").
    package func roles(row y: Int) -> [StyleRole] {
        guard y >= 0, y < height else { return [] }
        return Array(cells[(y * width)..<((y + 1) * width)].map(\.role))
    }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let index = y * width + x
        // Overwriting either half of a wide character leaves the other half as a blank, never as a stray half.
        if cells[index].isContinuation, x > 0 { cells[index - 1].character = " " }
        if x + 1 < width, cells[index + 1].isContinuation, !cell.isContinuation {
            cells[index + 1].character = " "
        }
        cells[index] = cell
    }

    private func trimTrailing(_ s: String) -> String {
        var end = s.endIndex
        while end > s.startIndex, s[s.index(before: end)] == " " { end = s.index(before: end) }
        return String(s[..<end])
    }
}
