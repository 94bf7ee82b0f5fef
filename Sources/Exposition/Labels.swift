/// The labels of a sample, in the order the page gave them (never assumed sorted).
///
/// Label sets repeat across a page (every DCGM field of one GPU, every family of one vLLM engine), so
/// the parser interns them: equal label blocks of one page share one array.
package struct Labels: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    package private(set) var pairs: [Label]

    package init(_ pairs: [Label] = []) { self.pairs = pairs }

    package init(dictionaryLiteral elements: (String, String)...) {
        self.pairs = elements.map { Label($0.0, $0.1) }
    }

    package var startIndex: Int { pairs.startIndex }
    package var endIndex: Int { pairs.endIndex }
    package subscript(position: Int) -> Label { pairs[position] }

    /// The value of the label called `name`, or nil when the sample has no such label.
    package subscript(name: String) -> String? {
        for label in pairs where label.name == name { return label.value }
        return nil
    }

    /// The value of the first of `names` that is present (for dialects whose label names changed).
    package func first(of names: [String]) -> String? {
        for name in names { if let value = self[name] { return value } }
        return nil
    }

    /// A copy without the labels whose names are in `names` (e.g. `le` to group histogram buckets).
    package func removing(_ names: Set<String>) -> Labels {
        Labels(pairs.filter { !names.contains($0.name) })
    }

    /// A copy with `name` set to `value`, replacing an existing label of that name.
    package func setting(_ name: String, _ value: String) -> Labels {
        var copy = pairs
        if let index = copy.firstIndex(where: { $0.name == name }) {
            copy[index].value = value
        } else {
            copy.append(Label(name, value))
        }
        return Labels(copy)
    }

    /// The same labels sorted by name: a canonical form for identity across pages that order them differently.
    package var sorted: Labels { Labels(pairs.sorted { $0.name < $1.name }) }
}
