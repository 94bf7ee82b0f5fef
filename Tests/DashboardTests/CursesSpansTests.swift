import Dashboard
import TestSupport
import Testing

@testable import CursesTerminal

/// What the curses screen sends of a frame: the stretches of each row that changed since the one before.
@Suite struct CursesSpansTests {
    /// A one-row canvas of random text in random roles, with wide characters here and there.
    static func row(_ random: inout SplitMix, width: Int) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: 1))
        let roles: [StyleRole] = [.text, .accent, .muted]
        var x = 0
        while x < width {
            let text = random.below(6) == 0 ? "日" : String("ab1 .".randomElement(using: &random)!)
            x += canvas.write(text, x: x, y: 0, role: roles[random.below(roles.count)])
            if random.below(8) == 0 { x += 1 }
        }
        return canvas
    }

    /// The changed cells copied over the previous frame give the new one; stretches are in order and apart, start
    /// and end outside a wide character, and resend at most `mergeGap` unchanged cells in a row between changes.
    @MainActor @Test func theStretchesCarryEveryChangeAndLittleElse() {
        var random = SplitMix(seed: 11)
        for _ in 0..<3000 {
            let width = 1 + random.below(40)
            let before = Self.row(&random, width: width)
            var after = before
            for _ in 0..<random.below(4) {
                let text = ["x", "日", " ", "yy"][random.below(4)]
                after.write(text, x: random.below(width), y: 0, role: random.below(2) == 0 ? .text : .accent)
            }
            let spans = CursesScreen.changedSpans(before, after, 0)
            var sent = before.cells
            for span in spans { for x in span { sent[x] = after.cells[x] } }
            #expect(sent == after.cells)
            for (one, next) in zip(spans, spans.dropFirst()) { #expect(one.upperBound < next.lowerBound) }
            for span in spans {
                #expect(!before[span.lowerBound, 0].isContinuation && !after[span.lowerBound, 0].isContinuation)
                #expect(
                    span.upperBound == width
                        || (!before[span.upperBound, 0].isContinuation && !after[span.upperBound, 0].isContinuation))
                var unchanged = 0
                for x in span {
                    unchanged = before[x, 0] == after[x, 0] ? unchanged + 1 : 0
                    #expect(unchanged <= CursesScreen.mergeGap + 2, "\(unchanged) unchanged cells resent at \(x)")
                }
            }
        }
    }
}
