/// Reads the theme file format:
///
/// ```
/// # comment
/// name = dark
/// background = default
/// critical = #ff5f5f bold          # ROLE = [FOREGROUND] [on BACKGROUND] [bold] [dim] [reverse] [underline]
/// selection = 16 on 39
/// ```
/// Colours are `default`, ANSI names (`red`, `bright-blue`), palette indices `0`–`255`, or `#rrggbb`.
package enum ThemeParser {
    package static func parse(_ text: String, source: String) throws(ThemeError) -> Theme {
        var theme = Theme(name: source, styles: [:])
        var seen: [String: Int] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            func fail(_ column: Int, _ message: String) -> ThemeError {
                ThemeError(source: source, line: lineNumber, column: column, message: message)
            }
            let line = stripComment(String(rawLine))
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw fail(1, "expected 'role = colour', e.g. 'critical = #ff5f5f bold'")
            }
            let key = line[..<eq].trimmingSpaces()
            let valueStart = line.distance(from: line.startIndex, to: eq) + 2
            let value = String(line[line.index(after: eq)...])
            if let first = seen[key] { throw fail(1, "'\(key)' is set twice (first on line \(first))") }
            seen[key] = lineNumber
            switch key {
            case "name": theme.name = value.trimmingSpaces()
            case "background":
                let tokens = tokenize(value, column: valueStart)
                guard let (text, at) = tokens.first else { throw fail(valueStart, "missing colour; " + colourHelp) }
                guard tokens.count == 1, let color = ThemeColor.parse(text) else {
                    throw fail(at, "unknown colour '\(value.trimmingSpaces())'; " + colourHelp)
                }
                theme.background = color
            default:
                guard let role = StyleRole(rawValue: key) else {
                    throw fail(
                        1,
                        "unknown role '\(key)'; roles are name, background, "
                            + StyleRole.allCases.map(\.rawValue).joined(separator: ", "))
                }
                theme.styles[role] = try parseStyle(value, column: valueStart, fail: fail)
            }
        }
        return theme
    }

    static let colourHelp = "write default, an ANSI name (red, bright-blue), 0-255 or #rrggbb"

    private static func parseStyle(_ value: String, column: Int, fail: (Int, String) -> ThemeError) throws(ThemeError) -> Style {
        var style = Style()
        let tokens = tokenize(value, column: column)
        guard !tokens.isEmpty else { throw fail(column, "missing colour; " + colourHelp) }
        var i = 0
        while i < tokens.count {
            let (token, at) = tokens[i]
            if token.lowercased() == "on" {
                guard i + 1 < tokens.count, let bg = ThemeColor.parse(tokens[i + 1].0) else {
                    throw fail(at, "'on' must be followed by a background colour; " + colourHelp)
                }
                style.background = bg
                i += 2
                continue
            }
            if let attribute = Style.Attributes.names.first(where: { $0.0 == token.lowercased() }) {
                style.attributes.insert(attribute.1)
            } else if style.foreground == nil, let fg = ThemeColor.parse(token) {
                style.foreground = fg
            } else {
                throw fail(at, "unexpected '\(token)'; " + colourHelp + ", then 'on COLOUR' and bold, dim, reverse, underline")
            }
            i += 1
        }
        return style
    }

    /// Whitespace-separated words with their 1-based columns (`column` is the column of `value`'s first character).
    private static func tokenize(_ value: String, column: Int) -> [(String, Int)] {
        var tokens: [(String, Int)] = []
        var current = ""
        var start = 0
        for (i, c) in value.enumerated() {
            if c.isWhitespace {
                if !current.isEmpty { tokens.append((current, start)) }
                current = ""
            } else {
                if current.isEmpty { start = column + i }
                current.append(c)
            }
        }
        if !current.isEmpty { tokens.append((current, start)) }
        return tokens
    }

    /// The line without its comment: a `#` starts a comment at the line start or after whitespace, unless it is
    /// followed by six hex digits and a word break (a colour).
    private static func stripComment(_ line: String) -> String {
        let chars = Array(line)
        for (i, c) in chars.enumerated() where c == "#" && (i == 0 || chars[i - 1].isWhitespace) {
            let rest = chars[(i + 1)...].prefix(7)
            let isColour =
                rest.prefix(6).count == 6 && rest.prefix(6).allSatisfy(\.isHexDigit)
                && (rest.count == 6 || rest.last!.isWhitespace)
            if !isColour { return String(chars[..<i]) }
        }
        return line
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
