/// Case-insensitive text tests for filter terms whose needle is already lowercased. ASCII values (nearly every
/// node, model and id) are compared byte by byte with the case folded, without a lowercased copy; other values
/// fall back to `lowercased()`.
enum TextMatch {
    /// Whether `value` contains `needle` (lowercased), ignoring case.
    static func contains(_ value: String, _ needle: String) -> Bool {
        var value = value
        var needle = needle
        let ascii: Bool? = value.withUTF8 { hay in
            needle.withUTF8 { pattern in
                if hay.contains(where: { $0 >= 0x80 }) { return nil }
                guard !pattern.isEmpty else { return true }
                guard hay.count >= pattern.count else { return false }
                for start in 0...(hay.count - pattern.count) {
                    var i = 0
                    while i < pattern.count {
                        var b = hay[start + i]
                        if b >= 0x41 && b <= 0x5A { b |= 0x20 }
                        if b != pattern[i] { break }
                        i += 1
                    }
                    if i == pattern.count { return true }
                }
                return false
            }
        }
        return ascii ?? value.lowercased().contains(needle)
    }

    /// `model=llama` should find `meta-llama/Llama-3.1-8B`: equality holds for the whole value, a path
    /// component, or one of its dash/underscore/space-separated tokens (ignoring case).
    static func equalsOrHasToken(_ value: String, _ needle: String) -> Bool {
        guard contains(value, needle) else { return false }
        let value = value.lowercased()
        if value == needle { return true }
        if value.split(separator: "/").contains(where: { $0 == needle }) { return true }
        return value.split(whereSeparator: { separators.contains($0) }).contains { $0 == needle }
    }

    private static let separators: Set<Character> = ["/", "-", "_", " ", ":", ",", "="]
}
