import CommandSupport
import Foundation
import Ingest
import MetricStore
import Pipeline

/// `infertop --print-config`: the effective configuration, one top-level key a line in the file's own YAML
/// syntax (so it can be pasted into `config.yaml`), each with where its value came from: a flag, the file and
/// line, the environment, or the default.
struct ConfigurationReport {
    var configuration: IngestConfiguration
    var source: SourceOptions
    var display: DisplayArguments
    var home: ConfigHome
    var environment: [String: String]

    var text: String {
        var lines = [
            "# infertop \(InfertopVersion.current): the effective configuration; after each value, where it came from",
            "# configuration file: " + fileLine,
        ]
        let rows = self.rows
        let width = min(72, rows.map { $0.0.count }.max() ?? 0)
        for (setting, origin) in rows {
            lines.append(setting.padding(toLength: max(width, setting.count), withPad: " ", startingAt: 0) + "  # " + origin)
        }
        return lines.joined(separator: "\n")
    }

    private var fileLine: String {
        if let config = source.config { return "\(config) (--config)" }
        guard let file = home.configFile else { return "none (\(home.reason))" }
        return "\(file) (\(home.reason)/config.yaml" + (home.note.map { "; " + $0 } ?? "") + ")"
            + (configuration.file == nil ? ", not present: none read" : "")
    }

    private var rows: [(String, String)] {
        let c = configuration
        let secondsText = { (value: Double) in Self.json(Self.number(value) + "s") }
        var timeoutOrigin = origin("timeout", flag: source.timeout.map { _ in "--timeout" })
        if timeoutOrigin == "default" || (source.interval != nil && source.timeout == nil) {
            timeoutOrigin = "follows interval (at least 0.1 s, at most 10 s)"
        }
        // Settings that are off are comments, so that the text reads back as the same configuration.
        let prometheus =
            c.prometheus.map {
                "prometheus: {url: \(Self.json($0.url)), selector: \(Self.json($0.selector)), backfill: \(secondsText($0.backfillSeconds)), "
                    + "instance_labels: \(Self.list($0.identity.labels.map(Self.json)))}"
            } ?? "# prometheus: none (scrape the targets)"
        let retention =
            "retention: {duration: " + secondsText(c.retentionSeconds ?? IngestConfiguration.defaultRetentionSeconds)
            + (c.retentionPoints.map { ", points: \($0)" } ?? "") + "}"
        let flagTheme = display.theme.map { _ in "--theme" }
        return [
            (
                "targets: " + Self.list(c.targets.map { Self.json(Redaction.url($0.id)) }),
                origin("targets", flag: source.targets.isEmpty ? nil : "command-line targets")
            ),
            (
                "file_sd: " + Self.list(c.fileSDPaths.map(Self.json)),
                origin(
                    "file_sd",
                    flag: source.fileSD.isEmpty
                        ? nil : "--file-sd" + (c.keyLines["file_sd"] == nil ? "" : ", added to the file's"))
            ),
            ("interval: " + secondsText(c.intervalSeconds), origin("interval", flag: source.interval.map { _ in "--interval" })),
            ("timeout: " + secondsText(c.timeoutSeconds), timeoutOrigin),
            ("concurrency: \(c.concurrency)", origin("concurrency", flag: source.concurrency.map { _ in "--concurrency" })),
            ("body_limit: \(c.bodyLimitBytes)", origin("body_limit", flag: source.bodyLimit.map { _ in "--body-limit" })),
            ("series_limit: \(c.seriesLimit)", origin("series_limit", flag: source.seriesLimit.map { _ in "--series-limit" })),
            ("max_redirects: \(c.maxRedirects)", origin("max_redirects")),
            ("seed: \(c.seed)", origin("seed", flag: source.seed.map { _ in "--seed" })),
            ("auth: " + Self.auth(c.auth), origin("auth", flag: authFlags)),
            (
                "tls: {" + (c.tls.caFile.map { "ca_file: \(Self.json($0)), " } ?? "") + "insecure: \(c.tls.insecure)}",
                origin("tls", flag: source.caFile != nil || source.insecure ? "--ca-file / --insecure" : nil)
            ),
            (
                prometheus,
                origin(
                    "prometheus",
                    flag: source.prometheus != nil || source.selector != nil || source.instanceLabels != nil
                        ? "--prometheus / --selector / --instance-labels" : nil)
            ),
            ("nodes: " + Self.map(c.nodeMap.mapValues(Self.json)), origin("nodes")),
            ("instance_gpus: " + Self.map(c.instanceGPUs.mapValues { Self.list($0.map(Self.json)) }), origin("instance_gpus")),
            ("thresholds: " + Self.map(c.thresholds.mapValues(Self.number)), origin("thresholds")),
            (
                "theme: " + Self.json(display.theme ?? c.theme ?? "dark"),
                flagTheme ?? origin("theme")
            ),
            (retention, origin("retention")),
            ("max_series: \(c.maxSeries ?? StoreConfiguration.defaultMaxSeries)", origin("max_series")),
            (
                "alerts: "
                    + Self.map(
                        c.alertRules.mapValues { Self.map($0.mapValues(Self.json)) }.merging(
                            c.alertParameters.mapValues(Self.json)
                        ) { rule, _ in rule }), origin("alerts")
            ),
            (
                "# glyphs: " + (display.glyphs ?? "braille on a UTF-8 locale, else ascii"),
                display.glyphs == nil ? "default (--glyphs)" : "--glyphs"
            ),
            ("# color: " + (display.color ?? colorDefault.0), display.color == nil ? colorDefault.1 : "--color"),
        ]
    }

    /// The auth flags, when any was given (they replace the file's `auth:` as a whole).
    private var authFlags: String? {
        let given = [
            ("--bearer-token-file", source.bearerTokenFile), ("--bearer-token-env", source.bearerTokenEnv),
            ("--basic-auth-user", source.basicAuthUser), ("--basic-auth-password-file", source.basicAuthPasswordFile),
        ]
        .filter { $0.1 != nil }.map(\.0)
        return given.isEmpty ? nil : given.joined(separator: ", ")
    }

    /// The colour depth when `--color` is not given, and why.
    private var colorDefault: (String, String) {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return ("none", "environment: $NO_COLOR is set") }
        return ("from the terminal", "default, from $TERM" + (environment["TERM"].map { " (\($0))" } ?? " (unset)"))
    }

    /// Where key's value came from: the flag that set it, the file and line, or the default.
    private func origin(_ key: String, flag: String? = nil) -> String {
        if let flag { return flag }
        if let line = configuration.keyLines[key], let file = configuration.file { return "\(file):\(line)" }
        return "default"
    }

    private static func auth(_ auth: AuthSettings) -> String {
        func present(_ fields: [(String, String?)]) -> [String: String] {
            Dictionary(uniqueKeysWithValues: fields.compactMap { name, value in value.map { (name, json($0)) } })
        }
        var fields = present([("bearer_token_file", auth.bearerTokenFile), ("bearer_token_env", auth.bearerTokenEnv)])
        let basic = present([("user", auth.basicAuthUser), ("password_file", auth.basicAuthPasswordFile)])
        if !basic.isEmpty { fields["basic_auth"] = map(basic) }
        return map(fields)
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A string as a quoted YAML (JSON) scalar.
    private static func json(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(text)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    private static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    private static func map(_ items: [String: String]) -> String {
        "{" + items.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }
}
