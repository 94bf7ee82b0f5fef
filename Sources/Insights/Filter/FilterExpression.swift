import ClusterModel

/// A parsed filter: terms separated by spaces, all of which must match, e.g.
/// `vram>90 node~gpu-node-00 model=llama state=loading engine=vllm gpu=H100 util<50`, plus plain words that
/// match the node, model, engine, GPU type or id. The grammar is in docs/INSIGHTS.md.
package struct FilterExpression: Sendable, Hashable {
    package var terms: [FilterTerm]
    /// The text it was parsed from.
    package var source: String

    package init(terms: [FilterTerm] = [], source: String = "") {
        self.terms = terms
        self.source = source
    }

    /// Matches every row.
    package static let all = FilterExpression()

    package var isEmpty: Bool { terms.isEmpty }

    package func matches<Row: FilterSubject>(_ row: Row) -> Bool {
        terms.allSatisfy { $0.matches(row) }
    }

    /// Whether a GPU matches, seen with the instances joined to it.
    package func matches(gpu: GPU, index: SnapshotIndex) -> Bool {
        matches(GPUFilterSubject(gpu, index: index))
    }

    /// Whether an engine instance matches, seen with the GPUs it is joined to.
    package func matches(instance: EngineInstance, index: SnapshotIndex) -> Bool {
        matches(InstanceFilterSubject(instance, index: index))
    }

    /// Parses `text`; the error names the column (from 1) where reading failed and what was expected there.
    package static func parse(_ text: String) throws(FilterParseError) -> FilterExpression {
        var parser = FilterParser(Array(text))
        return FilterExpression(terms: try parser.terms(), source: text)
    }
}

/// Reads filter text character by character, remembering the column for errors.
struct FilterParser {
    private let chars: [Character]
    private var position = 0

    init(_ chars: [Character]) {
        self.chars = chars
    }

    private static let operatorStarts: Set<Character> = ["=", "!", "~", "<", ">"]

    private func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c == "_" }
    private var column: Int { position + 1 }
    private var atEnd: Bool { position >= chars.count }

    mutating func terms() throws(FilterParseError) -> [FilterTerm] {
        var terms: [FilterTerm] = []
        while true {
            while !atEnd, chars[position].isWhitespace { position += 1 }
            if atEnd { return terms }
            terms.append(try term())
        }
    }

    private mutating func term() throws(FilterParseError) -> FilterTerm {
        let start = position
        var end = position
        while end < chars.count, isNameCharacter(chars[end]) { end += 1 }
        if end < chars.count, Self.operatorStarts.contains(chars[end]), end > start,
            !(chars[end] == "!" && !(end + 1 < chars.count && (chars[end + 1] == "=" || chars[end + 1] == "~")))
        {
            return try comparison(name: String(chars[start..<end]), end: end)
        }
        if chars[start] == "!" || chars[start] == "-", start + 1 < chars.count, !chars[start + 1].isWhitespace,
            !Self.operatorStarts.contains(chars[start + 1])
        {
            position = start + 1
            return .word(try value(after: String(chars[start])).lowercased(), negated: true)
        }
        if Self.operatorStarts.contains(chars[start]) {
            throw FilterParseError(column: column, message: "expected a field name before '\(readOperatorText())'")
        }
        return .word(try value(after: nil).lowercased(), negated: false)
    }

    private mutating func comparison(name: String, end: Int) throws(FilterParseError) -> FilterTerm {
        let fieldColumn = column
        guard let field = FilterField.named(name) else {
            let known = FilterField.allCases.map(\.rawValue).joined(separator: ", ")
            throw FilterParseError(column: fieldColumn, message: "unknown field '\(name)'; fields are \(known)")
        }
        position = end
        let operatorColumn = column
        let opText = readOperatorText()
        guard let op = FilterOperator(rawValue: opText) else {
            throw FilterParseError(column: operatorColumn, message: "unknown operator '\(opText)'; use = != ~ !~ > >= < <=")
        }
        if field.isText, !op.isTextual {
            throw FilterParseError(
                column: operatorColumn,
                message: "'\(field.rawValue)' is text: use =, !=, ~ or !~, not '\(op.rawValue)'")
        }
        if !field.isText, !op.isNumeric {
            throw FilterParseError(
                column: operatorColumn,
                message: "'\(field.rawValue)' is a number: use =, !=, >, >=, < or <=, not '\(op.rawValue)'")
        }
        let valueColumn = column
        if field.isText { return .text(field, op, try value(after: op.rawValue).lowercased()) }
        let text = try value(after: op.rawValue, expecting: "a number")
        guard let number = field.number(text) else {
            throw FilterParseError(
                column: valueColumn,
                message: "expected \(field.unitHint) after '\(op.rawValue)', got '\(text)'")
        }
        return .number(field, op, number)
    }

    private mutating func readOperatorText() -> String {
        let start = position
        while !atEnd, Self.operatorStarts.contains(chars[position]), position - start < 2 { position += 1 }
        return String(chars[start..<position])
    }

    /// A bare run up to the next space, or a double-quoted string (`\"` inside it for a quote).
    private mutating func value(after what: String?, expecting: String = "a value") throws(FilterParseError) -> String {
        guard !atEnd, !chars[position].isWhitespace else {
            let message = what.map { "expected \(expecting) after '\($0)'" } ?? "expected \(expecting)"
            throw FilterParseError(column: column, message: message)
        }
        guard chars[position] == "\"" else {
            let start = position
            while !atEnd, !chars[position].isWhitespace { position += 1 }
            return String(chars[start..<position])
        }
        let quoteColumn = column
        position += 1
        var result = ""
        while !atEnd {
            let c = chars[position]
            position += 1
            if c == "\"" {
                if !atEnd, !chars[position].isWhitespace {
                    throw FilterParseError(column: column, message: "expected a space after the closing quote")
                }
                return result
            }
            if c == "\\", !atEnd, chars[position] == "\"" {
                result.append("\"")
                position += 1
            } else {
                result.append(c)
            }
        }
        throw FilterParseError(column: quoteColumn, message: "the quote opened here is not closed; add a closing \"")
    }
}
