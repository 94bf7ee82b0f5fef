import ArgumentParser
import CommandSupport
import Ingest
import Insights
import Pipeline

/// The command-line options that choose live sources (targets, Prometheus, auth, TLS, timing), shared by
/// the dashboard and the headless commands, and their merge with the YAML configuration file.
struct SourceOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Targets: URLs, host:port (= http://host:port/metrics), file:///path.prom, or - (stdin).",
            valueName: "target"))
    var targets: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp(
            "YAML configuration file (docs/CONFIG.md); default $XDG_CONFIG_HOME/infertop/config.yaml "
                + "(~/.config/infertop/config.yaml) when it exists.", valueName: "file"))
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds between scrapes: 1, 0.5, 500ms, 2s (\(SettingRange.interval.text)).",
            valueName: "duration"), transform: FlagValue.seconds(.interval))
    var interval: Double?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Longest one scrape may take (default: the interval, at most 10 s; \(SettingRange.timeout.text)).",
            valueName: "duration"), transform: FlagValue.seconds(.timeout))
    var timeout: Double?

    @Option(
        name: .long, help: ArgumentHelp("Read a Prometheus-compatible server's query API instead of scraping.", valueName: "url"))
    var prometheus: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Label matchers added to every Prometheus query, e.g. '{job=~\"vllm|dcgm\"}'.",
            valueName: "matchers"))
    var selector: String?

    @Option(
        name: .customLong("instance-labels"),
        help: ArgumentHelp(
            "With --prometheus: the labels that tell targets apart (default instance), e.g. pod,namespace.",
            valueName: "labels"))
    var instanceLabels: String?

    @Option(
        name: .customLong("file-sd"),
        help: ArgumentHelp(
            "Prometheus file_sd JSON target file, re-read when it changes.",
            valueName: "file"))
    var fileSD: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read a bearer token from this file.", valueName: "file"))
    var bearerTokenFile: String?

    @Option(name: .long, help: ArgumentHelp("Read a bearer token from this environment variable.", valueName: "name"))
    var bearerTokenEnv: String?

    @Option(name: .long, help: ArgumentHelp("Basic auth user (with --basic-auth-password-file).", valueName: "user"))
    var basicAuthUser: String?

    @Option(name: .long, help: ArgumentHelp("Read the basic auth password from this file.", valueName: "file"))
    var basicAuthPasswordFile: String?

    @Option(name: .long, help: ArgumentHelp("Trust the CA certificates in this PEM file for https targets.", valueName: "file"))
    var caFile: String?

    @Flag(name: .long, help: "Skip TLS certificate verification (shown as a warning on screen).")
    var insecure = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most scrapes in flight at once (default \(IngestConfiguration.defaultConcurrency), within the open-file limit; \(SettingRange.concurrency.text)).",
            valueName: "n"), transform: FlagValue.int(.concurrency))
    var concurrency: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Largest page accepted: 64MiB, 10MB, bytes (\(SettingRange.bodyLimit.text)).",
            valueName: "size"), transform: FlagValue.bytes(.bodyLimit))
    var bodyLimit: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Most series one target's page may hold; a bigger page is refused "
                + "(default \(IngestConfiguration.defaultSeriesLimit); \(SettingRange.seriesLimit.text)).",
            valueName: "n"), transform: FlagValue.int(.seriesLimit))
    var seriesLimit: Int?

    @Option(name: .long, help: ArgumentHelp("Seed of the scrape stagger and jitter (0 to \(UInt64.max)).", valueName: "n"))
    var seed: UInt64?

    /// Whether any live source was named on the command line (the dashboard falls back to the simulator
    /// when neither this nor the configuration file names one).
    var namesSource: Bool { !targets.isEmpty || prometheus != nil || !fileSD.isEmpty }

    /// The configuration file read: `--config`, else `config.yaml` in the user's folder (read when it exists).
    var configFile: String? { config ?? ConfigHome.current.configFile }

    /// The configuration file (explicit `--config`, or the default location when it exists) with the flags
    /// applied on top; targets given on the command line replace the file's.
    func ingestConfiguration() throws -> IngestConfiguration {
        var configuration: IngestConfiguration
        do {
            configuration =
                try configFile.flatMap { try ConfigurationLoader.load(path: $0, required: config != nil) }
                ?? IngestConfiguration()
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        do {
            try apply(to: &configuration)
            try configuration.validate(origin: "command line")
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        // Every command refuses a bad `alerts:` section, not only the one that evaluates the rules.
        _ = try alertRules(of: configuration)
        return configuration
    }

    /// The alert rules of the configuration's `alerts:` section; a value they refuse stops the command like any
    /// other bad value of the file, naming the file, the line and the key.
    func alertRules(of configuration: IngestConfiguration) throws -> AlertRuleConfiguration {
        do {
            return try configuration.alertConfiguration(file: configuration.file ?? configFile ?? "configuration")
        } catch {
            throw ValidationError(error.description)
        }
    }

    private func apply(to configuration: inout IngestConfiguration) throws {
        if !targets.isEmpty { configuration.targets = try targets.map { try ScrapeTarget(address: $0) } }
        configuration.fileSDPaths += fileSD
        if let interval {
            configuration.intervalSeconds = interval
            if timeout == nil { configuration.timeoutSeconds = IngestConfiguration.defaultTimeout(intervalSeconds: interval) }
        }
        if let timeout { configuration.timeoutSeconds = timeout }
        if let concurrency { configuration.concurrency = concurrency }
        if let bodyLimit { configuration.bodyLimitBytes = bodyLimit }
        if let seriesLimit { configuration.seriesLimit = seriesLimit }
        if let seed { configuration.seed = seed }
        if let prometheus {
            guard prometheus.hasPrefix("http://") || prometheus.hasPrefix("https://") else {
                throw ConfigurationError.invalidFlag(
                    "--prometheus", message: "expected an http:// or https:// URL, got \"\(prometheus)\"")
            }
            configuration.prometheus = PrometheusSettings(
                url: prometheus,
                selector: configuration.prometheus?.selector ?? "",
                backfillSeconds: configuration.prometheus?.backfillSeconds ?? 300,
                identity: configuration.prometheus?.identity ?? .default)
        }
        if let instanceLabels {
            guard configuration.prometheus != nil else {
                throw ConfigurationError.invalidFlag(
                    "--instance-labels", message: "only applies with --prometheus (or prometheus: in the file)")
            }
            configuration.prometheus?.identity = try PrometheusIdentity.parse(instanceLabels, origin: "--instance-labels")
        }
        if let selector {
            guard configuration.prometheus != nil else {
                throw ConfigurationError.invalidFlag(
                    "--selector", message: "only applies with --prometheus (or prometheus: in the file)")
            }
            configuration.prometheus?.selector = selector
        }
        if bearerTokenFile != nil || bearerTokenEnv != nil || basicAuthUser != nil || basicAuthPasswordFile != nil {
            configuration.auth = AuthSettings(
                bearerTokenFile: bearerTokenFile, bearerTokenEnv: bearerTokenEnv,
                basicAuthUser: basicAuthUser, basicAuthPasswordFile: basicAuthPasswordFile)
        }
        if let caFile { configuration.tls.caFile = caFile }
        if insecure { configuration.tls.insecure = true }
    }
}
