/// Makes text from the network safe to draw: control characters (C0, DEL, C1) and whole escape sequences are
/// removed, so a label value holding `"\u{1B}[2J"` can never clear or recolour the user's terminal; tabs and line
/// breaks become spaces; invisible formatting characters (bidi overrides, zero-width joiners, the byte-order
/// mark, variation selectors — `DisplayWidth.isInvisibleFormat`) are dropped, so an emoji sequence falls apart
/// into emoji each terminal draws at the same width, and no right-to-left override can reorder a row.
package enum TextSanitizer {
    package static func clean(_ text: String) -> String {
        // Fast path: plain printable ASCII is by far the common case and needs no copy.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar.value {
            case 0x1B: skipEscape(&iterator)
            case 0x9B: skipCSI(&iterator)
            case 0x09, 0x0A, 0x0D: out.append(" ")
            case 0..<0x20, 0x7F..<0xA0: continue
            default: if !DisplayWidth.isInvisibleFormat(scalar) { out.append(scalar) }
            }
        }
        return String(out)
    }

    /// Skips the rest of an ESC sequence: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL or ST), or one byte.
    private static func skipEscape(_ iterator: inout String.UnicodeScalarView.Iterator) {
        guard let next = iterator.next() else { return }
        switch next {
        case "[": skipCSI(&iterator)
        case "]", "P", "_", "^":
            while let s = iterator.next() {
                if s.value == 0x07 { return }
                if s.value == 0x1B {
                    _ = iterator.next()
                    return
                }
            }
        default: return
        }
    }

    private static func skipCSI(_ iterator: inout String.UnicodeScalarView.Iterator) {
        while let s = iterator.next(), !(0x40...0x7E).contains(s.value) {}
    }
}
