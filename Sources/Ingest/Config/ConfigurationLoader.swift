import Foundation
import Yams

/// Reads the YAML configuration file (see docs/CONFIG.md) into an `IngestConfiguration`.
///
/// Every key is checked: an unknown key (a typo) or a value of the wrong kind fails with the file, the
/// key and its line, instead of being ignored.
package enum ConfigurationLoader {
    static let topKeys = [
        "targets", "file_sd", "interval", "timeout", "concurrency", "body_limit", "max_redirects",
        "seed", "series_limit", "auth", "tls", "prometheus", "nodes", "instance_gpus", "thresholds", "theme",
        "retention", "max_series", "alerts",
    ]

    /// Loads `path` (tilde expanded). With `required` false, a missing file yields nil (the default location).
    package static func load(path: String, required: Bool = true) throws -> IngestConfiguration? {
        let expanded = (path as NSString).expandingTildeInPath
        guard FileManager.default.fileExists(atPath: expanded) else {
            if required { throw ConfigurationError.unreadable(file: path, reason: "no such file") }
            return nil
        }
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ConfigurationError.unreadable(file: path, reason: "permission denied or not a file")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses YAML text; `file` names it in errors. File-relative paths (file_sd, CA, secrets) are resolved
    /// against the file's folder.
    package static func parse(_ yaml: String, file: String) throws -> IngestConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        var configuration = IngestConfiguration()
        configuration.file = file
        guard let root else { return configuration }
        let reader = YAMLValueReader(file: file)
        let folder = (file as NSString).deletingLastPathComponent
        func path(_ value: String) -> String {
            let expanded = (value as NSString).expandingTildeInPath
            return expanded.hasPrefix("/") || folder.isEmpty ? expanded : folder + "/" + expanded
        }
        var timeout: Double?
        for (key, keyNode, value) in try reader.entries(root, key: "", known: topKeys) {
            configuration.keyLines[key] = reader.line(keyNode)
            switch key {
            case "targets": configuration.targets = try targets(value, reader: reader, path: path)
            case "file_sd": configuration.fileSDPaths = try reader.stringList(value, key: key).map(path)
            case "interval": configuration.intervalSeconds = try reader.seconds(value, key: key, range: .interval)
            case "timeout": timeout = try reader.seconds(value, key: key, range: .timeout)
            case "concurrency": configuration.concurrency = try reader.int(value, key: key, range: .concurrency)
            case "body_limit": configuration.bodyLimitBytes = try reader.bytes(value, key: key, range: .bodyLimit)
            case "series_limit": configuration.seriesLimit = try reader.int(value, key: key, range: .seriesLimit)
            case "max_redirects": configuration.maxRedirects = try reader.int(value, key: key, range: .maxRedirects)
            case "seed": configuration.seed = UInt64(truncatingIfNeeded: try reader.int(value, key: key))
            case "auth": configuration.auth = try auth(value, key: key, reader: reader, path: path)
            case "tls": configuration.tls = try tls(value, key: key, reader: reader, path: path)
            case "prometheus": configuration.prometheus = try prometheus(value, reader: reader)
            case "nodes": configuration.nodeMap = try reader.stringMap(value, key: key)
            case "instance_gpus":
                for (name, _, list) in try reader.entries(value, key: key, known: []) {
                    configuration.instanceGPUs[name] = try reader.stringList(list, key: key + "." + name)
                }
            case "thresholds":
                for (name, _, number) in try reader.entries(value, key: key, known: []) {
                    configuration.thresholds[name] = try reader.double(number, key: key + "." + name)
                }
            case "theme": configuration.theme = try reader.string(value, key: key)
            case "retention": try retention(value, reader: reader, into: &configuration)
            case "max_series": configuration.maxSeries = try reader.int(value, key: key, range: .maxSeries)
            case "alerts": try alerts(value, reader: reader, into: &configuration)
            default: break
            }
        }
        // The default timeout follows the interval, so it is derived after both keys were read.
        configuration.timeoutSeconds =
            timeout ?? IngestConfiguration.defaultTimeout(intervalSeconds: configuration.intervalSeconds)
        try configuration.validate(origin: file)
        return configuration
    }

    /// `alerts:` — a mapping per rule (`vram: {threshold: 95, for: 30s}`) and plain shared settings
    /// (`trend_window: 60s`), kept as text: the alert engine reads the units and names bad values.
    private static func alerts(_ node: Node, reader: YAMLValueReader, into configuration: inout IngestConfiguration) throws {
        for (name, keyNode, value) in try reader.entries(node, key: "alerts", known: []) {
            configuration.alertLines["alerts." + name] = reader.line(keyNode)
            if value.mapping != nil {
                configuration.alertRules[name] = try reader.stringMap(value, key: "alerts." + name)
                for (setting, settingNode, _) in try reader.entries(value, key: "alerts." + name, known: []) {
                    configuration.alertLines["alerts.\(name).\(setting)"] = reader.line(settingNode)
                }
            } else {
                configuration.alertParameters[name] = try reader.string(value, key: "alerts." + name)
            }
        }
    }

    private static func targets(_ node: Node, reader: YAMLValueReader, path: (String) -> String) throws -> [ScrapeTarget] {
        guard let sequence = node.sequence else { throw reader.invalid("targets", node, "expected a list of targets") }
        return try sequence.enumerated().map { index, item in
            let key = "targets[\(index)]"
            do {
                if item.scalar != nil { return try ScrapeTarget(address: try reader.string(item, key: key)) }
                var address: String?
                var target = ScrapeTarget(id: "", source: .standardInput)
                for (name, _, value) in try reader.entries(
                    item, key: key,
                    known: [
                        "url", "node", "role", "pod", "namespace", "container", "gpus",
                        "auth", "tls",
                    ])
                {
                    let inner = key + "." + name
                    switch name {
                    case "auth": target.auth = try auth(value, key: inner, reader: reader, path: path)
                    case "tls": target.tls = try tls(value, key: inner, reader: reader, path: path)
                    case "url": address = try reader.string(value, key: inner)
                    case "node": target.node = try reader.string(value, key: inner)
                    case "pod": target.pod = try reader.string(value, key: inner)
                    case "namespace": target.namespace = try reader.string(value, key: inner)
                    case "container": target.container = try reader.string(value, key: inner)
                    case "gpus": target.gpus = try reader.stringList(value, key: inner)
                    default: target.role = try reader.string(value, key: inner)
                    }
                }
                guard let address else { throw reader.invalid(key, item, "a target needs 'url'") }
                var parsed = try ScrapeTarget(address: address, node: target.node, role: target.role)
                (parsed.auth, parsed.tls) = (target.auth, target.tls)
                (parsed.pod, parsed.namespace, parsed.container) = (target.pod, target.namespace, target.container)
                parsed.gpus = target.gpus
                return parsed
            } catch ConfigurationError.badAddress(_, let reason) {
                throw reader.invalid(key, item, reason)
            }
        }
    }

    /// An `auth:` mapping, at the top level or in a target (`key` says which, for errors).
    private static func auth(_ node: Node, key: String, reader: YAMLValueReader, path: (String) -> String) throws -> AuthSettings
    {
        var auth = AuthSettings()
        let known = ["bearer_token_file", "bearer_token_env", "basic_auth"]
        for (name, _, value) in try reader.entries(node, key: key, known: known) {
            let inner = key + "." + name
            switch name {
            case "bearer_token_file": auth.bearerTokenFile = path(try reader.string(value, key: inner))
            case "bearer_token_env": auth.bearerTokenEnv = try reader.string(value, key: inner)
            default:
                for (field, _, text) in try reader.entries(value, key: inner, known: ["user", "password_file"]) {
                    let string = try reader.string(text, key: inner + "." + field)
                    if field == "user" { auth.basicAuthUser = string } else { auth.basicAuthPasswordFile = path(string) }
                }
            }
        }
        return auth
    }

    /// A `tls:` mapping, at the top level or in a target (`key` says which, for errors).
    private static func tls(_ node: Node, key: String, reader: YAMLValueReader, path: (String) -> String) throws -> TLSSettings {
        var tls = TLSSettings()
        for (name, _, value) in try reader.entries(node, key: key, known: ["ca_file", "insecure"]) {
            if name == "ca_file" {
                tls.caFile = path(try reader.string(value, key: key + ".ca_file"))
            } else {
                tls.insecure = try reader.bool(value, key: key + ".insecure")
            }
        }
        return tls
    }

    private static func prometheus(_ node: Node, reader: YAMLValueReader) throws -> PrometheusSettings {
        if node.scalar != nil { return PrometheusSettings(url: try reader.string(node, key: "prometheus")) }
        var url: String?
        var settings = PrometheusSettings(url: "")
        for (key, _, value) in try reader.entries(
            node, key: "prometheus",
            known: ["url", "selector", "backfill", "instance_labels"])
        {
            switch key {
            case "url": url = try reader.string(value, key: "prometheus.url")
            case "selector": settings.selector = try reader.string(value, key: "prometheus.selector")
            case "instance_labels":
                // A list (`[pod, namespace]`) or one string (`pod,namespace`).
                let names = try reader.stringList(value, key: "prometheus.instance_labels")
                    .flatMap {
                        $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    }
                if let problem = PrometheusIdentity.problem(with: names) {
                    throw reader.invalid("prometheus.instance_labels", value, problem)
                }
                settings.identity = PrometheusIdentity(labels: names)
            default: settings.backfillSeconds = try reader.seconds(value, key: "prometheus.backfill", range: .backfill)
            }
        }
        guard let url, url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw reader.invalid("prometheus.url", node, "needs an http:// or https:// URL")
        }
        settings.url = url
        return settings
    }

    private static func retention(
        _ node: Node, reader: YAMLValueReader,
        into configuration: inout IngestConfiguration
    ) throws {
        for (key, _, value) in try reader.entries(node, key: "retention", known: ["duration", "points"]) {
            if key == "duration" {
                configuration.retentionSeconds = try reader.seconds(value, key: "retention.duration", range: .retention)
            } else {
                configuration.retentionPoints = try reader.int(value, key: "retention.points", range: .retentionPoints)
            }
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return .syntax(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        default:
            return .syntax(file: file, line: nil, column: nil, message: "YAML: \(error)")
        }
    }
}
