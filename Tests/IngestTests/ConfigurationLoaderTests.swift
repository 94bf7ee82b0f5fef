import Foundation
import Ingest
import Testing

@Suite("Configuration file")
struct ConfigurationLoaderTests {
    static let example = """
        interval: 500ms
        timeout: 2s
        concurrency: 32
        body_limit: 16MiB
        seed: 7
        targets:
          - gpu-1:8000
          - url: https://gpu-2:9400/metrics
            node: gpu-2
            role: gpu-exporter
        file_sd: [targets.json]
        auth:
          bearer_token_env: INFERTOP_TOKEN
        tls:
          ca_file: ca.pem
        prometheus:
          url: http://prom:9090
          selector: '{job=~"vllm|dcgm"}'
          backfill: 5m
        nodes:
          "10.0.0.7:8000": gpu-7
        thresholds:
          vram_warn: 0.9
        theme: dark
        retention:
          duration: 15m
          points: 900
        """

    @Test("every documented key is read")
    func example() throws {
        let configuration = try ConfigurationLoader.parse(Self.example, file: "/etc/infertop/config.yaml")
        #expect(configuration.intervalSeconds == 0.5)
        #expect(configuration.timeoutSeconds == 2)
        #expect(configuration.concurrency == 32)
        #expect(configuration.bodyLimitBytes == 16 << 20)
        #expect(configuration.seed == 7)
        #expect(configuration.targets.map(\.id) == ["http://gpu-1:8000/metrics", "https://gpu-2:9400/metrics"])
        #expect(configuration.targets[1].node == "gpu-2")
        #expect(configuration.targets[1].role == "gpu-exporter")
        #expect(configuration.fileSDPaths == ["/etc/infertop/targets.json"])
        #expect(configuration.auth.bearerTokenEnv == "INFERTOP_TOKEN")
        #expect(configuration.tls.caFile == "/etc/infertop/ca.pem")
        #expect(configuration.tls.warning == nil)
        #expect(
            configuration.prometheus
                == PrometheusSettings(
                    url: "http://prom:9090", selector: "{job=~\"vllm|dcgm\"}",
                    backfillSeconds: 300))
        #expect(configuration.nodeMap == ["10.0.0.7:8000": "gpu-7"])
        #expect(configuration.thresholds == ["vram_warn": 0.9])
        #expect(configuration.theme == "dark")
        #expect(configuration.retentionSeconds == 900)
        #expect(configuration.retentionPoints == 900)
    }

    @Test("the file and the line of each top-level key are kept, for --print-config")
    func keyLines() throws {
        let configuration = try ConfigurationLoader.parse(Self.example, file: "/etc/infertop/config.yaml")
        #expect(configuration.file == "/etc/infertop/config.yaml")
        #expect(configuration.keyLines["interval"] == 1)
        #expect(configuration.keyLines["targets"] == 6)
        #expect(configuration.keyLines["retention"] == 25)
        #expect(configuration.keyLines["max_redirects"] == nil)
        #expect(configuration.keyLines.count == 14)
    }

    @Test("a target's pod and namespace are read")
    func pod() throws {
        let yaml = "targets:\n  - url: http://10.1.2.3:8000/metrics\n    pod: vllm-0\n    namespace: serving\n"
        let target = try #require(try ConfigurationLoader.parse(yaml, file: "c.yaml").targets.first)
        #expect(target.pod == "vllm-0" && target.namespace == "serving" && target.node == nil)
    }

    @Test("a target's container and GPUs, and instance_gpus, are read")
    func gpus() throws {
        let yaml = """
            targets:
              - url: http://10.1.2.3:8000/metrics
                pod: vllm-0
                container: engine
                gpus: [0, 1]
            instance_gpus:
              10.1.2.4:8000: [GPU-5d1c, 3]
            """
        let configuration = try ConfigurationLoader.parse(yaml, file: "c.yaml")
        let target = try #require(configuration.targets.first)
        #expect(target.container == "engine" && target.gpus == ["0", "1"])
        #expect(configuration.instanceGPUs == ["10.1.2.4:8000": ["GPU-5d1c", "3"]])
    }

    @Test("the timeout follows the interval when not given")
    func defaultTimeout() throws {
        #expect(try ConfigurationLoader.parse("interval: 3", file: "c.yaml").timeoutSeconds == 3)
        #expect(try ConfigurationLoader.parse("interval: 1m", file: "c.yaml").timeoutSeconds == 10)
    }

    @Test("an unknown key names the key, its line, and the keys that exist")
    func unknownKey() {
        let yaml = "interval: 1\ntargets:\n  - gpu-1:8000\nintervall: 2\n"
        #expect(
            throws: ConfigurationError.unknownKey(
                file: "c.yaml", key: "intervall", line: 4,
                known: [
                    "targets", "file_sd", "interval", "timeout", "concurrency",
                    "body_limit", "max_redirects", "seed", "series_limit", "auth", "tls",
                    "prometheus", "nodes", "instance_gpus", "thresholds", "theme",
                    "retention", "max_series", "alerts",
                ])
        ) {
            try ConfigurationLoader.parse(yaml, file: "c.yaml")
        }
    }

    @Test("a value of the wrong kind names the key path and line")
    func wrongKind() throws {
        let cases: [(String, String, Int)] = [
            ("concurrency: many\n", "concurrency", 1),
            ("interval: 1\ntls:\n  insecure: perhaps\n", "tls.insecure", 3),
            ("targets:\n  - url: gpu-1:8000\n    nod: x\n", "targets[0].nod", 3),
            ("timeout: soon\n", "timeout", 1),
            ("targets:\n  - node: x\n", "targets[0]", 2),
            ("retention:\n  points: 1\n", "retention.points", 0),
        ]
        for (yaml, key, line) in cases {
            do {
                _ = try ConfigurationLoader.parse(yaml, file: "c.yaml")
                Issue.record("\(key) was accepted")
            } catch let error as ConfigurationError {
                let text = error.description
                #expect(text.contains("'\(key)'"), "\(text)")
                if line > 0 { #expect(text.contains("line \(line)"), "\(text)") }
            }
        }
    }

    @Test(
        "a number outside its range names the key, the line, the range and the value",
        arguments: [
            ("interval: 1e300\n", "interval", "expected 50ms to 1h, got 1e300"),
            ("timeout: .nan\n", "timeout", "expected a number"),
            ("interval: 1\nconcurrency: 0\n", "concurrency", "expected 1 to 16384, got 0"),
            ("body_limit: 99999999999999999999999\n", "body_limit", "expected 1.0KiB to 4.0GiB"),
            ("retention:\n  duration: 99999h\n", "retention.duration", "expected 1s to 7d, got 99999h"),
            ("prometheus:\n  url: http://p:9090\n  backfill: -1\n", "prometheus.backfill", "expected"),
        ])
    func outOfRange(yaml: String, key: String, expected: String) throws {
        do {
            _ = try ConfigurationLoader.parse(yaml, file: "c.yaml")
            Issue.record("\(key) was accepted")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("c.yaml, line "), "\(error)")
            #expect(error.description.contains("key '\(key)'"), "\(error)")
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test("a YAML syntax error gives line and column")
    func syntax() {
        do {
            _ = try ConfigurationLoader.parse("targets: [a, b\ninterval: 1\n", file: "c.yaml")
            Issue.record("accepted broken YAML")
        } catch {
            let text = String(describing: error)
            #expect(text.hasPrefix("c.yaml, line "), "\(text)")
            #expect(text.contains("column"), "\(text)")
        }
    }

    @Test("a missing default file is not an error, a missing explicit one is")
    func missingFile() throws {
        #expect(try ConfigurationLoader.load(path: "/nonexistent/infertop.yaml", required: false) == nil)
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: "/nonexistent/infertop.yaml") }
    }
}
