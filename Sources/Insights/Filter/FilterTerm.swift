/// One condition of a filter expression; an expression matches a row when all its terms do.
package enum FilterTerm: Sendable, Hashable {
    /// A plain word: the node, model, engine, GPU type or id contains it (ignoring case); `!word` negates.
    case word(String, negated: Bool)
    case text(FilterField, FilterOperator, String)
    /// The value is in the row's unit (fractions for percentages, seconds for latencies).
    case number(FilterField, FilterOperator, Double)

    /// The text fields a plain word is looked for in.
    static let wordFields: [FilterField] = [.node, .model, .engine, .gpu, .id]

    func matches<Row: FilterSubject>(_ row: Row) -> Bool {
        switch self {
        case .word(let needle, let negated):
            let found = Self.wordFields.contains { field in row.anyText(field) { TextMatch.contains($0, needle) } }
            return found != negated
        case .text(let field, let op, let needle):
            let found: Bool
            switch op {
            case .equal, .notEqual: found = row.anyText(field) { TextMatch.equalsOrHasToken($0, needle) }
            default: found = row.anyText(field) { TextMatch.contains($0, needle) }
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
}
