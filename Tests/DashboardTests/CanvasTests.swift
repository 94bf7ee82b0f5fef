import Formatting
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
