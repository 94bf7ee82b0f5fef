/// Interns strings (metric names, label names and values) so 70 k series share one copy of each, and a
/// label set is a short array of small integers.
struct StringTable: Sendable {
    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    mutating func intern(_ string: String) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }

    func id(of string: String) -> Int32? { ids[string] }

    subscript(id: Int32) -> String { strings[Int(id)] }

    /// Rough heap use, for the memory figure.
    var approximateBytes: Int {
        strings.reduce(0) { $0 + max(16, $1.utf8.count) + 16 } * 2 + strings.count * 8
    }
}
