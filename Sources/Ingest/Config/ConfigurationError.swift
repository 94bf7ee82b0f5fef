/// Why a configuration (flags, YAML file, file_sd file) cannot be used, said so a person can fix it:
/// each case names the file, the key and the line where it can.
package enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A target address that is not a URL, `host:port`, `file://` path or `-`.
    case badAddress(String, reason: String)
    /// A YAML or JSON file that does not parse.
    case syntax(file: String, line: Int?, column: Int?, message: String)
    /// A key with a value of the wrong kind or out of range.
    case invalidValue(file: String, key: String, line: Int?, message: String)
    /// A key that infertop does not know (probably a typo).
    case unknownKey(file: String, key: String, line: Int?, known: [String])
    /// A file that cannot be read.
    case unreadable(file: String, reason: String)
    /// A flag with a value that cannot be used.
    case invalidFlag(String, message: String)

    package var description: String {
        switch self {
        case .badAddress(let address, let reason):
            return "target \"\(Redaction.url(address))\": \(reason)"
        case .syntax(let file, let line, let column, let message):
            return "\(file)\(Self.place(line, column)): \(message)"
        case .invalidValue(let file, let key, let line, let message):
            return "\(file)\(Self.place(line, nil)): key '\(key)': \(message)"
        case .unknownKey(let file, let key, let line, let known):
            return "\(file)\(Self.place(line, nil)): unknown key '\(key)'; expected one of: \(known.joined(separator: ", "))"
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .invalidFlag(let flag, let message):
            return "\(flag): \(message)"
        }
    }

    private static func place(_ line: Int?, _ column: Int?) -> String {
        guard let line else { return "" }
        guard let column else { return ", line \(line)" }
        return ", line \(line), column \(column)"
    }
}
