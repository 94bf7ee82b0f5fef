/// A page laid out once — every byte that does not change between scrapes (HELP and TYPE lines, names, label
/// blocks) — with a slot where each sample value goes. Rendering it copies the constant text and writes only
/// the numbers, which is what a server that exposes the same series scrape after scrape needs.
///
/// An `ExpositionWriter` lays one out (`writeValueSlot`, then `template`); the rendered page is byte for byte
/// what the writer's `writeSample` would have written with the same values.
package struct ExpositionTemplate: Sendable {
    /// The page without its values.
    let text: [UInt8]
    /// Offsets into `text` where the values go, ascending.
    let slots: [Int]

    init(text: [UInt8], slots: [Int]) {
        self.text = text
        self.slots = slots
    }

    /// How many values a render takes.
    package var valueCount: Int { slots.count }

    /// Writes the page: `fill` hands over exactly `valueCount` values, in slot order (page order).
    package func render(_ fill: (inout Filler) -> Void) -> [UInt8] {
        text.withUnsafeBufferPointer { text in
            slots.withUnsafeBufferPointer { slots in
                [UInt8](unsafeUninitializedCapacity: max(1, text.count + slots.count * ValueText.maxBytes)) { out, count in
                    var filler = Filler(text: text, slots: slots, out: out.baseAddress!)
                    fill(&filler)
                    count = filler.finish()
                }
            }
        }
    }

    /// Takes a render's values one by one; it lives only inside `render`'s closure.
    package struct Filler {
        private let text: UnsafeBufferPointer<UInt8>
        private let slots: UnsafeBufferPointer<Int>
        private let out: UnsafeMutablePointer<UInt8>
        /// Bytes written to `out`, bytes of `text` copied, and the next slot.
        private var written = 0
        private var copied = 0
        private var next = 0

        fileprivate init(
            text: UnsafeBufferPointer<UInt8>, slots: UnsafeBufferPointer<Int>,
            out: UnsafeMutablePointer<UInt8>
        ) {
            self.text = text
            self.slots = slots
            self.out = out
        }

        /// The value of the next slot.
        package mutating func append(_ value: Double) {
            // The output was sized for exactly `slots.count` values: one more would write past it.
            precondition(next < slots.count, "more values than the template has slots (\(slots.count))")
            copyText(upTo: slots[next])
            next += 1
            written += ValueText.write(value, to: out + written)
        }

        fileprivate mutating func finish() -> Int {
            precondition(next == slots.count, "\(next) values for a template of \(slots.count) slots")
            copyText(upTo: text.count)
            return written
        }

        private mutating func copyText(upTo end: Int) {
            let count = end - copied
            if count > 0 {
                (out + written).initialize(from: text.baseAddress! + copied, count: count)
                written += count
                copied = end
            }
        }
    }
}
