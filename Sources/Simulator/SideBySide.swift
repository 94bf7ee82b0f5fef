import Dispatch

/// Work on the elements of an array side by side on the machine's cores, where each element's work touches
/// that element alone: the simulator's instances within a tick, its targets' page readers within a round.
/// Results come back in the array's order, so a seeded run stays byte-identical however the work was spread.
package enum SideBySide {
    /// `transform` applied to every element in place, by index; the results in index order.
    package static func map<Element, Result>(
        _ array: inout [Element], _ transform: @Sendable (Int, inout Element) -> Result
    ) -> [Result] {
        let count = array.count
        return array.withUnsafeMutableBufferPointer { elements in
            [Result](unsafeUninitializedCapacity: count) { results, initialized in
                let slots = Slots(elements: elements.baseAddress, results: results.baseAddress)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    slots.run(index, transform)
                }
                initialized = count
            }
        }
    }

    /// The buffers behind the work; shared with the worker threads, each of which touches only its own index.
    private struct Slots<Element, Result>: @unchecked Sendable {
        let elements: UnsafeMutablePointer<Element>?
        let results: UnsafeMutablePointer<Result>?

        func run(_ index: Int, _ transform: (Int, inout Element) -> Result) {
            guard let elements, let results else { return }
            (results + index).initialize(to: transform(index, &elements[index]))
        }
    }
}
