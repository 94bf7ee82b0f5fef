/// One terminal cell of a `Canvas`: a character and the role that decides its look. The right half of a wide
/// character is a `continuation` cell, so a canvas row always has exactly `width` cells.
package struct Cell: Equatable, Sendable {
    package var character: Character
    package var role: StyleRole

    package init(_ character: Character, _ role: StyleRole = .text) {
        self.character = character
        self.role = role
    }

    /// A blank cell in the text role.
    package static let blank = Cell(" ", .text)
    /// Marks the column covered by the wide character to its left; terminals draw nothing there.
    package static let continuationCharacter: Character = "\u{0}"

    package var isContinuation: Bool { character == Cell.continuationCharacter }

    /// Compares the characters' bits first: the terminal compares every cell of two frames (10 k at 200×50),
    /// and `Character`'s `==` is a string comparison. Equal bits are the same string; unequal bits may still
    /// be equal characters (one stored differently), which the full comparison then decides.
    @inline(__always) package static func == (a: Cell, b: Cell) -> Bool {
        guard a.role == b.role else { return false }
        let (x, y) = (
            unsafeBitCast(a.character, to: (UInt64, UInt64).self), unsafeBitCast(b.character, to: (UInt64, UInt64).self)
        )
        return x == y || a.character == b.character
    }
}
