import CWidth

/// How many terminal columns text takes, the way the terminal and ncursesw will draw it: the C library's
/// `wcwidth` (a maintained Unicode table; ncursesw measures with the same one) per grapheme cluster. Every cell a
/// canvas writes and every column a table or a text snapshot lines up goes through here, so the program and the
/// terminal never disagree about where a column starts.
package enum DisplayWidth {
    /// The columns one grapheme cluster takes: 1 or 2; 0 for one that draws nothing (a lone combining mark, a
    /// zero-width or bidi control, a variation selector); nil for one that cannot be drawn safely — a control
    /// character, an unassigned scalar, or a cluster of several printing scalars (a flag, an emoji sequence that
    /// still holds its joiners) that terminals draw at different widths. Callers show nil as `?`, one column.
    @inlinable
    package static func of(_ character: Character) -> Int? {
        let utf8 = character.utf8
        if utf8.count == 1 {
            let byte = utf8.first!
            return byte >= 0x20 && byte < 0x7F ? 1 : nil
        }
        return ofCluster(character)
    }

    /// The columns of a whole string as a canvas draws it (a cluster that cannot be drawn counts as its `?`).
    package static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) ?? 1 }
        return total
    }

    /// The columns of one Unicode scalar (`wcwidth`): nil for control, unassigned and non-characters.
    package static func of(scalar: Unicode.Scalar) -> Int? {
        let width = infertop_wcwidth(scalar.value)
        if width >= 0 { return Int(width) }
        // No UTF-8 locale on the system: only ASCII can be measured.
        return nil
    }

    /// True for the invisible formatting scalars that text from the network must not carry to the screen: bidi
    /// overrides and isolates, zero-width spaces and joiners, the byte-order mark, variation selectors and tags.
    /// Terminals disagree about them (some move the cursor, some reorder the line), so they are dropped.
    package static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0xFE00...0xFE0F,
            0xFFF9...0xFFFB, 0xE0000...0xE007F, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    /// The cluster without its invisible formatting scalars, as it is handed to the terminal (so a variation
    /// selector the width did not count cannot widen it there). Most clusters come back unchanged.
    package static func visible(_ character: Character) -> Character {
        guard character.utf8.count > 1, character.unicodeScalars.contains(where: isInvisibleFormat) else { return character }
        let kept = String(String.UnicodeScalarView(character.unicodeScalars.filter { !isInvisibleFormat($0) }))
        return kept.count == 1 ? kept.first! : "?"
    }

    @usableFromInline
    static func ofCluster(_ character: Character) -> Int? {
        var width: Int?
        for scalar in character.unicodeScalars {
            if isInvisibleFormat(scalar) { continue }
            guard let w = of(scalar: scalar) else { return nil }
            if width == nil {
                width = w
            } else if w > 0 {
                return nil  // a second printing scalar in one cluster
            }
        }
        return width ?? 0
    }
}
