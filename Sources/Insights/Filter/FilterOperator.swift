/// A comparison in a filter term.
public enum FilterOperator: String, Sendable, Hashable, CaseIterable {
    case equal = "=", notEqual = "!=", contains = "~", notContains = "!~"
    case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<="

    /// Valid on text fields.
    public var isTextual: Bool { self == .equal || self == .notEqual || self == .contains || self == .notContains }
    /// Valid on number fields.
    public var isNumeric: Bool { self != .contains && self != .notContains }
    /// True for the operators that match when their positive form does not.
    public var isNegated: Bool { self == .notEqual || self == .notContains }
}
