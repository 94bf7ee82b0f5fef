/// A comparison in a filter term.
package enum FilterOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=", notEqual = "!=", contains = "~", notContains = "!~"
    case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="

    /// Valid on text fields.
    package var isTextual: Bool { self == .equal || self == .notEqual || self == .contains || self == .notContains }
    /// Valid on number fields.
    package var isNumeric: Bool { self != .contains && self != .notContains }
    /// True for the operators that match when their positive form does not.
    package var isNegated: Bool { self == .notEqual || self == .notContains }
}
