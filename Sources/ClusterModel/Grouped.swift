/// Values in numbered groups (an instance's sources by `InstanceMetric.rawValue`), all in one array: a frame reads an
/// instance's sources from one buffer rather than from a small array per metric, each a heap object of its own
/// and, after a page was ingested, a cache miss of its own. Built when the plans are; setting a group rebuilds it.
struct Grouped<Element: Sendable>: Sendable {
    private(set) var elements: [Element] = []
    /// Where group `k` starts in `elements`; it ends where `k + 1` starts.
    private var starts: [Int32]

    init(groups: Int) {
        starts = Array(repeating: 0, count: groups + 1)
    }

    /// Every element of groups `range`, in order.
    func elements(ofGroups range: Range<Int>) -> ArraySlice<Element> {
        elements[Int(starts[range.lowerBound])..<Int(starts[range.upperBound])]
    }

    /// Adds `other`'s groups after these, in order.
    mutating func append(groupsOf other: Grouped) {
        let base = Int32(elements.count)
        elements.append(contentsOf: other.elements)
        starts.append(contentsOf: other.starts.dropFirst().lazy.map { $0 + base })
    }

    /// Adds `count` empty groups.
    mutating func appendEmptyGroups(_ count: Int) {
        starts.append(contentsOf: repeatElement(Int32(elements.count), count: count))
    }

    var count: Int { starts.count - 1 }
    var indices: Range<Int> { 0..<count }

    /// Changes every element in place (their number stays).
    mutating func modifyEach(_ body: (inout Element) -> Void) {
        for index in elements.indices { body(&elements[index]) }
    }

    /// Replaces the elements with what `transform` makes of them: as many, in the same groups.
    mutating func replaceElements(_ transform: ([Element]) -> [Element]) {
        let replaced = transform(elements)
        precondition(replaced.count == elements.count, "a replacement changes the elements, not their number")
        elements = replaced
    }

    subscript(group: Int) -> ArraySlice<Element> {
        get { elements[Int(starts[group])..<Int(starts[group + 1])] }
        set {
            let range = Int(starts[group])..<Int(starts[group + 1])
            elements.replaceSubrange(range, with: newValue)
            let shift = Int32(newValue.count - range.count)
            for k in (group + 1)..<starts.count { starts[k] += shift }
        }
    }
}
