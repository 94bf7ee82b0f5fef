import Foundation
import TestSupport
import Testing

@testable import Simulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// The real Prometheus server (Debian's `prometheus` package) scrapes the served simulator through the
/// file_sd listing, and the vLLM, SGLang and DCGM series come back through its query API.
@Suite struct PrometheusServerTests {
    static let prometheus = "/usr/bin/prometheus"

    /// A free loopback port, chosen by the OS (Prometheus cannot be told to bind port 0 and report it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw ServedSimulationError("cannot bind a loopback socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs an instant query; returns the result vector's (labels, value) pairs.
    static func query(_ expression: String, port: Int) async throws -> [([String: String], String)] {
        var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: expression)]
        let (data, _) = try await URLSession.shared.data(from: components.url!)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let body = json["data"] as? [String: Any], let result = body["result"] as? [[String: Any]]
        else {
            return []
        }
        return result.compactMap { entry in
            guard let metric = entry["metric"] as? [String: String], let value = entry["value"] as? [Any],
                value.count == 2, let text = value[1] as? String
            else { return nil }
            return (metric, text)
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func prometheusScrapesEveryTargetAndAnswersQueries() async throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.prometheus),
            "prometheus is missing: install Debian's prometheus package (apt-get install -y prometheus)")
        let served = try await ServedSimulation(SimulationOptions(scenario: .mixedGPUs, nodes: 2, gpusPerNode: 2))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-sim-prom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data(FileSD.json(targets: served.host.targets, address: served.address))
            .write(to: work.appendingPathComponent("targets.json"))
        try Data(
            """
            global: {scrape_interval: 1s, scrape_timeout: 1s, evaluation_interval: 1s}
            scrape_configs:
              - job_name: sim
                file_sd_configs: [{files: ['\(work.path)/targets.json'], refresh_interval: 5s}]
            """.utf8
        ).write(to: work.appendingPathComponent("prometheus.yml"))
        let port = try Self.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.prometheus)
        process.arguments = [
            "--config.file=\(work.path)/prometheus.yml", "--storage.tsdb.path=\(work.path)/data",
            "--web.listen-address=127.0.0.1:\(port)",
        ]
        let log = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = log
        process.standardError = log
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: work)
        }

        let expected = served.host.targets.count
        // The first scrape lands 8–9 s after start (discovery hand-off); poll for every `up` to be 1.
        let allUp = await Polling.until(timeout: .seconds(60), interval: .milliseconds(500)) {
            let up = (try? await Self.query("up", port: port)) ?? []
            return up.count == expected && up.allSatisfy { $0.1 == "1" }
        }
        #expect(allUp, "not every one of \(expected) simulated targets was up in Prometheus within 60 s")

        let running = try await Self.query("vllm:num_requests_running", port: port)
        #expect(running.count == 2)
        #expect(running.allSatisfy { $0.0["model_name"] == ModelSpec.llama31_8B.name && $0.0["engine"] == "0" })
        let sglang = try await Self.query("sglang:num_running_reqs", port: port)
        #expect(sglang.count == 2)
        let utilization = try await Self.query("DCGM_FI_DEV_GPU_UTIL", port: port)
        #expect(utilization.count == 4)
        #expect(Set(utilization.compactMap { $0.0["modelName"] }) == ["NVIDIA H100 80GB HBM3", "NVIDIA A10G"])
        let framebuffer = try await Self.query("DCGM_FI_DEV_FB_USED", port: port)
        #expect(framebuffer.allSatisfy { (Double($0.1) ?? 0) > 10_000 }, "the loaded instances hold VRAM")
        await served.stop()
    }
}
