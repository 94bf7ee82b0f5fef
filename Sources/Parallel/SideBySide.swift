import Dispatch

/// Work on independent items side by side on the machine's cores: the simulator's instances within a tick, its
/// targets' page readers within a round, the cluster model's plan of each target. Results come back in order,
/// so a seeded run stays byte-identical however the work was spread.
package enum SideBySide {
    /// `transform` of every index in `0..<count`; the results in index order.
    package static func map<Result>(count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        [Result](unsafeUninitializedCapacity: count) { results, initialized in
            let slots = Slots(results.baseAddress)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.pointer.map { ($0 + index).initialize(to: transform(index)) }
            }
            initialized = count
        }
    }

    /// `transform` applied to every element in place, by index, where each element's work touches that element
    /// alone; the results in index order.
    package static func map<Element, Result>(
        _ array: inout [Element], _ transform: @Sendable (Int, inout Element) -> Result
    ) -> [Result] {
        array.withUnsafeMutableBufferPointer { elements in
            let slots = Slots(elements.baseAddress)
            return map(count: elements.count) { index in transform(index, &slots.pointer![index]) }
        }
    }

    /// A buffer shared with the worker threads, each of which touches only its own index.
    private struct Slots<Element>: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Element>?
        init(_ pointer: UnsafeMutablePointer<Element>?) { self.pointer = pointer }
    }
}
