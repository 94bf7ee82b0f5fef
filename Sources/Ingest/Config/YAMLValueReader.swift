import Foundation
import Yams

/// Typed reads of YAML nodes that fail with the file, the key path and the line, for the configuration
/// loader. Kept apart so the loader reads as a list of keys.
struct YAMLValueReader {
    let file: String

    func line(_ node: Node) -> Int? { node.mark?.line }

    func invalid(_ key: String, _ node: Node, _ message: String) -> ConfigurationError {
        .invalidValue(file: file, key: key, line: line(node), message: message)
    }

    /// The mapping's entries as (key, key node, value) after checking every key is one of `known`.
    func entries(_ node: Node, key: String, known: [String]) throws -> [(String, Node, Node)] {
        guard let mapping = node.mapping else { throw invalid(key, node, "expected a mapping of keys to values") }
        return try mapping.map { pair in
            guard let name = pair.key.string else { throw invalid(key, pair.key, "keys must be plain names") }
            let path = key.isEmpty ? name : key + "." + name
            if !known.isEmpty && !known.contains(name) {
                throw ConfigurationError.unknownKey(file: file, key: path, line: line(pair.key), known: known)
            }
            return (name, pair.key, pair.value)
        }
    }

    func string(_ node: Node, key: String) throws -> String {
        guard let scalar = node.scalar else { throw invalid(key, node, "expected a text value") }
        return scalar.string
    }

    func bool(_ node: Node, key: String) throws -> Bool {
        guard let value = node.bool else { throw invalid(key, node, "expected true or false") }
        return value
    }

    func int(_ node: Node, key: String) throws -> Int {
        guard let value = node.int else { throw invalid(key, node, "expected a whole number") }
        return value
    }

    func double(_ node: Node, key: String) throws -> Double {
        guard let value = node.float ?? node.int.map(Double.init) ?? node.scalar.flatMap({ Double($0.string) }),
            value.isFinite
        else {
            throw invalid(key, node, "expected a number")
        }
        return value
    }

    /// Seconds, from a number or a string like `500ms`, `2s`, `5m`, `1h`.
    func seconds(_ node: Node, key: String) throws -> Double {
        if node.int != nil || node.float != nil { return try double(node, key: key) }
        let text = try string(node, key: key)
        guard let value = DurationText.seconds(text) else {
            throw invalid(key, node, "expected a duration such as 1, 0.5, 500ms, 2s, 5m or 1h, got \"\(text)\"")
        }
        return value
    }

    /// Bytes, from a whole number or a string like `64MiB`, `10MB`, `512KiB`, inside `range`.
    func bytes(_ node: Node, key: String, range: SettingRange) throws -> Int {
        let text = try string(node, key: key)
        guard let value = node.int.map(Double.init) ?? DurationText.bytes(text) else {
            throw invalid(key, node, "expected a size such as 67108864, 64MiB or 10MB, got \"\(text)\"")
        }
        return Int(try checked(value, range, node, key: key))
    }

    /// Seconds inside `range`.
    func seconds(_ node: Node, key: String, range: SettingRange) throws -> Double {
        try checked(try seconds(node, key: key), range, node, key: key)
    }

    /// A whole number inside `range`.
    func int(_ node: Node, key: String, range: SettingRange) throws -> Int {
        Int(try checked(Double(try int(node, key: key)), range, node, key: key))
    }

    private func checked(_ value: Double, _ range: SettingRange, _ node: Node, key: String) throws -> Double {
        guard range.contains(value) else { throw invalid(key, node, range.refusal(node.scalar?.string ?? "\(value)")) }
        return value
    }

    func stringList(_ node: Node, key: String) throws -> [String] {
        if node.scalar != nil { return [try string(node, key: key)] }
        guard let sequence = node.sequence else { throw invalid(key, node, "expected a list") }
        return try sequence.map { try string($0, key: key) }
    }

    func stringMap(_ node: Node, key: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for (name, _, value) in try entries(node, key: key, known: []) {
            result[name] = try string(value, key: key + "." + name)
        }
        return result
    }
}
