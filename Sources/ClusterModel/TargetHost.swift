/// The host part of a target id, when it is an URL (`http://gpu-node-7:8000/metrics` → `gpu-node-7`) or a
/// `host:port` pair; nil for file paths and other names. Used to join an engine to its node.
enum TargetHost {
    static func host(of target: String) -> String? {
        var rest = Substring(target)
        let hasScheme = target.contains("://")
        if hasScheme {
            while !rest.hasPrefix("://") { rest = rest.dropFirst() }
            rest = rest.dropFirst(3)
        } else if target.hasPrefix("/") || target.hasPrefix(".") || target == "-" {
            return nil
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
            return String(rest[rest.index(after: rest.startIndex)..<close])
        }
        if let colon = rest.lastIndex(of: ":") {
            let port = rest[rest.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return nil }
            rest = rest[..<colon]
        } else if !hasScheme {
            return nil
        }
        return rest.isEmpty ? nil : String(rest)
    }
}
