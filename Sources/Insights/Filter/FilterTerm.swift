/// One condition of a filter expression; an expression matches a row when all its terms do.
public enum FilterTerm: Sendable, Hashable {
    /// A plain word: the node, model, engine, GPU type or id contains it (ignoring case); `!word` negates.
    case word(String, negated: Bool)
    case text(FilterField, FilterOperator, String)
    /// The value is in the row's unit (fractions for percentages, seconds for latencies).
    case number(FilterField, FilterOperator, Double)

    func matches(_ row: FilterRow) -> Bool {
        switch self {
        case .word(let needle, let negated):
            let found = [FilterField.node, .model, .engine, .gpu, .id].contains { field in
                row.texts(field).contains { $0.contains(needle) }
            }
            return found != negated
        case .text(let field, let op, let needle):
            let values = row.texts(field)
            let found: Bool
            switch op {
            case .equal, .notEqual: found = values.contains { Self.equalsOrHasToken($0, needle) }
            default: found = values.contains { $0.contains(needle) }
            }
            return found != op.isNegated
        case .number(let field, let op, let target):
            // An absent value matches no comparison: "—" is neither above nor below anything.
            guard let value = row.number(field) else { return false }
            switch op {
            case .equal: return abs(value - target) <= 1e-9 * max(1, abs(target))
            case .notEqual: return abs(value - target) > 1e-9 * max(1, abs(target))
            case .greater: return value > target
            case .greaterOrEqual: return value >= target
            case .less: return value < target
            case .lessOrEqual: return value <= target
            case .contains, .notContains: return false
            }
        }
    }

    /// `model=llama` should find `meta-llama/Llama-3.1-8B`: equality holds for the whole value, a path
    /// component, or one of its dash/underscore/space-separated tokens.
    static func equalsOrHasToken(_ value: String, _ needle: String) -> Bool {
        if value == needle { return true }
        guard value.contains(needle) else { return false }
        let separators: Set<Character> = ["/", "-", "_", " ", ":", ",", "="]
        if value.split(separator: "/").contains(where: { $0 == needle }) { return true }
        return value.split(whereSeparator: { separators.contains($0) }).contains { $0 == needle }
    }
}
