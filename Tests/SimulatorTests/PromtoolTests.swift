import Foundation
import TestSupport
import Testing

@testable import Simulator

/// `promtool check metrics` (Debian's `prometheus` package) on every kind of page the simulator writes.
@Suite struct PromtoolTests {
    static let promtool = "/usr/bin/promtool"

    static func check(_ page: [UInt8]) throws -> (status: Int32, output: String) {
        try Promtool.check(page)
    }

    /// The kinds of complaint in promtool's output: each line without its leading metric name.
    static func complaints(_ output: String) -> Set<String> {
        Set(
            output.split(separator: "\n").map { line in
                line.split(separator: " ", maxSplits: 1).last.map(String.init) ?? ""
            })
    }

    /// Naming lint only, and none that promtool does not also raise on the real server's own scrape.
    @Test func promtoolFindsNoErrorsAndNoLintTheRealServersDoNotHave() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.promtool),
            "promtool is missing: install Debian's prometheus package (apt-get install -y prometheus)")
        let broken = try Self.check(Array("foo{a=\"b\" 1\n".utf8))
        #expect(broken.status == 1 && broken.output.contains("error while linting"), "promtool should reject a bad page")

        let real: [String: Set<String>] = try [
            "vllm": "vllm-v1-kops-qwen2.5-0.5b.prom", "sglang": "sglang-dynamo-qwen3-0.6b-excerpt.prom",
            "dcgm": "dcgm-exporter-kops-l4.prom",
        ].mapValues { name in
            Self.complaints(try Self.check(try Fixtures.bytes(Fixtures.realScrape(name))).output)
        }
        var simulator = ClusterSimulator(
            options: SimulationOptions(
                scenario: .mixedGPUs, seed: 1, nodes: 2,
                gpusPerNode: 2))
        simulator.advance(byMs: 60_000)
        var kinds = Set<String>()
        for target in simulator.targets {
            let kind = target.engine?.rawValue ?? "dcgm"
            kinds.insert(kind)
            let page = try #require(simulator.page(for: target))
            let (status, output) = try Self.check(page)
            #expect(status == 0 || status == 3, "\(target.id): promtool exited \(status): \(output)")
            #expect(!output.contains("error"), "\(target.id): \(output)")
            let extra = Self.complaints(output).subtracting(real[kind]!).subtracting([""])
            #expect(extra.isEmpty, "\(target.id): promtool complains about \(extra), not about the real \(kind) scrape")
        }
        #expect(kinds == ["vllm", "sglang", "dcgm"])
    }
}
