/// How many terminal columns a character takes: 2 for East Asian wide and emoji, 0 for combining marks, else 1.
/// A small table, not full `wcwidth`, because the dashboard draws mostly ASCII, box and block glyphs, and network
/// text only needs to be measured well enough never to overflow a cell.
public enum CharacterWidth {
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if first.value < 0x300 { return first.value < 0x20 || first.value == 0x7F ? 0 : 1 }
        // Box drawing, blocks, shapes and braille (what frames are drawn with), alone in their character: 1.
        if first.value >= 0x2500 && first.value <= 0x25FF || first.value >= 0x2800 && first.value <= 0x28FF,
           character.utf8.count == 3 { return 1 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(scalar: first)
    }

    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        for range in zeroWidth where range.contains(v) { return 0 }
        for range in wide where range.contains(v) { return 2 }
        return 1
    }

    /// The display width of a whole string.
    public static func of(_ string: String) -> Int {
        var total = 0
        for character in string { total += of(character) }
        return total
    }

    private static let zeroWidth: [ClosedRange<UInt32>] = [
        0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
        0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x200B...0x200F, 0x20D0...0x20FF, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
    ]
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
}
