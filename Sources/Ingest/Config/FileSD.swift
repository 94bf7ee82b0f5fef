import Foundation

/// Reads Prometheus `file_sd` JSON target files: `[{"targets": ["host:port", …], "labels": {…}}]`.
///
/// The labels `__scheme__` and `__metrics_path__` shape the URL as Prometheus does; `node`, `role`, `pod`
/// and `namespace` become the target's node, role and pod. Other labels are left to Prometheus' own meaning and ignored here.
package enum FileSD {
    /// The targets in one file's content; `file` names it in errors.
    package static func parse(_ data: Data, file: String) throws -> [ScrapeTarget] {
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError.syntax(
                file: file, line: nil, column: nil,
                message: "not valid JSON (\(error.localizedDescription)); expected a file_sd list")
        }
        guard let groups = json as? [Any] else {
            throw ConfigurationError.syntax(
                file: file, line: nil, column: nil,
                message: "expected a JSON list of {\"targets\": [...], \"labels\": {...}} groups")
        }
        var result: [ScrapeTarget] = []
        for (index, element) in groups.enumerated() {
            let key = "[\(index)]"
            guard let group = element as? [String: Any], let addresses = group["targets"] as? [String] else {
                throw ConfigurationError.invalidValue(
                    file: file, key: key + ".targets", line: nil,
                    message: "each group needs a \"targets\" list of \"host:port\" strings")
            }
            let labels = (group["labels"] as? [String: Any])?.compactMapValues { $0 as? String } ?? [:]
            let scheme = labels["__scheme__"] ?? "http"
            let path = labels["__metrics_path__"] ?? "/metrics"
            for address in addresses {
                let full = address.contains("://") ? address : "\(scheme)://\(address)\(path.hasPrefix("/") ? path : "/" + path)"
                do {
                    var target = try ScrapeTarget(address: full, node: labels["node"], role: labels["role"])
                    (target.pod, target.namespace, target.container) = (labels["pod"], labels["namespace"], labels["container"])
                    target.gpus = labels["gpus"].map { $0.split(separator: ",").map(String.init) } ?? []
                    result.append(target)
                } catch ConfigurationError.badAddress(_, let reason) {
                    throw ConfigurationError.invalidValue(
                        file: file, key: key + ".targets", line: nil,
                        message: "\"\(address)\": \(reason)")
                }
            }
        }
        return result
    }

    /// Reads and parses the file at `path`.
    package static func load(path: String) throws -> [ScrapeTarget] {
        guard let data = FileManager.default.contents(atPath: (path as NSString).expandingTildeInPath) else {
            throw ConfigurationError.unreadable(file: path, reason: "file_sd file does not exist or is not readable")
        }
        return try parse(data, file: path)
    }
}
