import Formatting
import TestSupport
import Testing

@testable import Dashboard

@Suite struct CanvasTests {
    @Test func writesAndClips() {
        var canvas = Canvas(size: Size(width: 5, height: 2))
        #expect(canvas.write("hello world", x: 1, y: 0, role: .accent) == 4)
        #expect(canvas.plainText == " hell\n")
        #expect(canvas[1, 0] == Cell("h", .accent))
        canvas.write("zz", x: -1, y: 1, role: .text)
        canvas.write("far", x: 0, y: 7, role: .text)
        #expect(canvas.plainText == " hell\nz")
    }

    /// Printable ASCII takes a shortcut past `put`: the same cells and the same width as putting each character,
    /// wherever the text starts, however it is clipped, and over wide characters already drawn.
    @Test func asciiTextLandsAsEachCharacterPutWould() {
        var random = SplitMix(seed: 7)
        let alphabet = Array("ab ~!0|{}")
        for _ in 0..<2000 {
            var base = Canvas(size: Size(width: 9, height: 3))
            base.write("日本語", x: random.below(6) - 1, y: random.below(3), role: .accent)
            let text = String((0..<random.below(12)).map { _ in alphabet[random.below(alphabet.count)] })
            let (x, y) = (random.below(14) - 3, random.below(5) - 1)
            let maxWidth = [Int.max, random.below(12)][random.below(2)]
            let clip: Rect? =
                random.below(2) == 0
                ? nil : Rect(x: random.below(6) - 1, y: random.below(3), width: random.below(8), height: random.below(3))
            var fast = base
            let written = fast.write(text, x: x, y: y, role: .text, maxWidth: maxWidth, clip: clip)
            var slow = base
            var column = x
            if y >= 0, y < slow.height, x < slow.width, maxWidth > 0 {
                let limit = min(x + min(maxWidth, 1 << 30), (clip?.intersection(slow.bounds) ?? slow.bounds).maxX)
                for character in text where column + 1 <= limit {
                    slow.put(character, x: column, y: y, role: .text, clip: clip)
                    column += 1
                }
            }
            #expect(fast == slow, "\(text) at (\(x), \(y)), width \(maxWidth), clip \(String(describing: clip))")
            #expect(written == column - x)
        }
    }

    @Test func wideCharactersTakeTwoCellsAndNeverSplit() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        #expect(canvas.write("日本語", x: 0, y: 0, role: .text) == 4)
        #expect(canvas.line(0) == "日本 ")
        #expect(canvas[1, 0].isContinuation)
        canvas.put("x", x: 1, y: 0, role: .text)  // overwriting the right half blanks the left half
        #expect(canvas.line(0) == " x本 ")
        var edge = Canvas(size: Size(width: 3, height: 1))
        edge.write("ab日", x: 0, y: 0, role: .text)
        #expect(edge.line(0) == "ab ")
    }

    @Test func characterWidths() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("日") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("\u{1B}") == 1)  // a control character is drawn as `?`
        #expect(DisplayWidth.of("⣿▁█—") == 4)
    }

    @Test func sanitizerRemovesControlAndEscapeSequences() {
        #expect(TextSanitizer.clean("llama\u{1B}[2J-8b") == "llama-8b")
        #expect(TextSanitizer.clean("a\u{1B}]0;title\u{07}b") == "ab")
        #expect(TextSanitizer.clean("tab\there\nnew") == "tab here new")
        #expect(TextSanitizer.clean("bell\u{07}\u{9B}31mred\u{7F}") == "bellred")
        #expect(TextSanitizer.clean("plain") == "plain")
        #expect(TextSanitizer.clean("µs 日本") == "µs 日本")
    }

    @Test func rectSplitsStayInside() {
        let r = Rect(x: 2, y: 3, width: 10, height: 5)
        let (top, rest) = r.splitTop(2)
        #expect(top == Rect(x: 2, y: 3, width: 10, height: 2))
        #expect(rest == Rect(x: 2, y: 5, width: 10, height: 3))
        #expect(!top.intersects(rest))
        #expect(r.splitTop(99).1.isEmpty)
        #expect(r.inset(by: 9).isEmpty)
        #expect(r.contains(r.splitLeft(4).1))
    }
}
