import Foundation

/// Builds the PromQL that `PrometheusSource` sends: aggregations of one family each, narrowed by the user's
/// selector and, for a query split in shards, by a set of identities.
enum PromQL {
    /// The matchers inside a user selector: `{job=~"vllm|dcgm"}` → `job=~"vllm|dcgm"`; empty stays empty.
    static func matchers(_ selector: String) throws(ConfigurationError) -> String {
        var text = Substring(selector.trimmingCharacters(in: .whitespaces))
        if text.isEmpty { return "" }
        if text.first == "{" {
            guard text.last == "}" else {
                throw .invalidFlag("--selector", message: "\"\(selector)\" opens '{' but does not end with '}'")
            }
            text = text.dropFirst().dropLast()
        } else if text.contains("{") {
            throw .invalidFlag(
                "--selector", message: "\"\(selector)\": give only label matchers, e.g. {job=~\"vllm|dcgm\"}, no metric name")
        }
        return String(text).trimmingCharacters(in: .whitespaces)
    }

    /// Whether `name` can be used as a label name in PromQL (`[a-zA-Z_][a-zA-Z0-9_]*`).
    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
            first == "_" || CharacterSet.letters.contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
    }

    /// `{__name__="name",matchers}`: the quoted form works for every stored name.
    static func selector(_ name: String, matchers: [String]) -> String {
        "{" + (["__name__=\"" + quoted(name) + "\""] + matchers.filter { !$0.isEmpty }).joined(separator: ",") + "}"
    }

    /// The aggregation of one family by `keep` labels: gauges and summaries as they are, counters as
    /// `rate(…[window])`, histograms as the rates of their `_bucket` series per `le`.
    static func aggregate(_ family: PrometheusFamily, keep: [String], matchers: [String], windowSeconds: Int) -> String {
        var by = keep
        switch family.type {
        case .histogram: by.append("le")
        case .summary: by.append("quantile")
        default: break
        }
        let series = selector(family.sampleName, matchers: matchers + family.conditions.map(matcher))
        let inner = family.isRate ? "rate(\(series)[\(windowSeconds)s])" : series
        return "\(family.aggregation.rawValue) by (\(by.joined(separator: ","))) (\(inner))"
    }

    /// A condition as a matcher: `label=~"a|b"`, `label!~"a"`, or `label=~"0|"` when an absent label passes.
    static func matcher(_ condition: PrometheusFamily.Condition) -> String {
        let values = condition.values.map { quoted(regexLiteral($0)) } + (condition.orAbsent && !condition.negated ? [""] : [])
        return condition.label + (condition.negated ? "!~" : "=~") + "\"" + values.joined(separator: "|") + "\""
    }

    /// `label=~"a|b|c"`, each value matched literally.
    static func oneOf(_ label: String, _ values: [String]) -> String {
        label + "=~\"" + values.map { quoted(regexLiteral($0)) }.joined(separator: "|") + "\""
    }

    /// Escapes RE2 metacharacters so a value matches only itself.
    static func regexLiteral(_ value: String) -> String {
        var result = ""
        for character in value {
            if ".+*?()[]{}|^$\\".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A PromQL double-quoted string's content: backslashes and quotes escaped, control characters dropped.
    static func quoted(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            default: if !(character.asciiValue.map { $0 < 0x20 } ?? false) { result.append(character) }
            }
        }
        return result
    }
}
