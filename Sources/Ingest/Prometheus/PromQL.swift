import Foundation

/// Builds the PromQL that `PrometheusSource` sends: one selector per dialect that matches every wanted
/// sample name, narrowed by the user's selector.
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
            throw .invalidFlag("--selector", message: "\"\(selector)\": give only label matchers, e.g. {job=~\"vllm|dcgm\"}, no metric name")
        }
        return String(text).trimmingCharacters(in: .whitespaces)
    }

    /// `{__name__=~"a|b|c",job="x"}`.
    static func query(sampleNames: [String], matchers: String) -> String {
        let alternation = sampleNames.map(escape).joined(separator: "|")
        return "{__name__=~\"\(alternation)\"\(matchers.isEmpty ? "" : "," + matchers)}"
    }

    /// Escapes RE2 metacharacters and PromQL string quotes in a metric name (names hold only `[A-Za-z0-9_:]`
    /// today, but a table row must never change the regex's meaning).
    private static func escape(_ name: String) -> String {
        var result = ""
        for character in name {
            if ".+*?()[]{}|^$\\".contains(character) { result += "\\\\" }
            if character == "\"" { result += "\\" }
            result.append(character)
        }
        return result
    }
}
