import Exposition
import TestSupport
import Testing

@testable import Simulator

/// The pages look like the real servers' pages: names, types, labels and buckets checked against the real
/// scrapes in Tests/Fixtures/metrics, and everything parses without a single error.
@Suite struct PageFormatTests {
    /// Every target of every scenario, after 90 s, parsed by the real parser.
    static let pages: [(SimTarget, ExpositionPage)] = Scenario.allCases.flatMap { scenario in
        var simulator = ClusterSimulator(
            options: SimulationOptions(
                scenario: scenario, seed: 11, nodes: 2,
                gpusPerNode: 4))
        simulator.advance(byMs: 90_000)
        return simulator.targets.compactMap { target in
            simulator.page(for: target).map { (target, ExpositionParser.parse($0)) }
        }
    }

    static func fixture(_ name: String) throws -> ExpositionPage {
        ExpositionParser.parse(try Fixtures.bytes(Fixtures.realScrape(name)))
    }

    /// family name → (type, label names of each sample without `le`) of a page.
    static func shape(_ pages: [ExpositionPage], prefix: String) -> [String: (MetricType, Set<[String]>)] {
        var shapes: [String: (MetricType, Set<[String]>)] = [:]
        for page in pages {
            for family in page.families where family.name.hasPrefix(prefix) {
                let labelSets = Set(family.samples.map { $0.labels.removing(["le"]).pairs.map(\.name) })
                shapes[family.name, default: (family.type, [])].1.formUnion(labelSets)
            }
        }
        return shapes
    }

    /// The `le` values of the first histogram `name` in a page.
    static func buckets(_ page: ExpositionPage, _ name: String) -> [String] {
        page.family(named: name)?.samples.filter { $0.name == name + "_bucket" }.compactMap { $0.labels["le"] } ?? []
    }

    /// The pages, computed off the concurrency pool on first use.
    static func allPages() async -> [(SimTarget, ExpositionPage)] {
        await Offload.run { Self.pages }
    }

    @Test func everyPageOfEveryScenarioParsesWithoutErrors() async {
        let pages = await Self.allPages()
        #expect(pages.count > 40)
        for (target, page) in pages {
            #expect(page.errorCount == 0, "\(target.id): \(page.errors.first?.description ?? "")")
            #expect(page.sampleCount > 50, "\(target.id)")
        }
        #expect(Set(pages.compactMap { $0.0.engine }) == [.vllm, .sglang])
    }

    @Test func vllmPagesMatchARealVLLMScrape() async throws {
        let real = try Self.fixture("vllm-v1-kops-qwen2.5-0.5b.prom")
        let ours = await Self.allPages().filter { $0.0.engine == .vllm }.map(\.1)
        let realShape = Self.shape([real], prefix: "vllm:")
        for (name, (type, labelSets)) in Self.shape(ours, prefix: "vllm:") {
            let expected = try #require(realShape[name], "\(name) is not in the real scrape")
            #expect(type == expected.0, "\(name)")
            if name == "vllm:cache_config_info" {
                // We write a subset of the CacheConfig fields.
                #expect(labelSets.allSatisfy { Set($0).isSubset(of: Set(expected.1.first!)) })
            } else {
                #expect(labelSets == expected.1, "\(name)")
            }
        }
        for name in [
            "vllm:time_to_first_token_seconds", "vllm:inter_token_latency_seconds",
            "vllm:e2e_request_latency_seconds", "vllm:request_queue_time_seconds",
            "vllm:iteration_tokens_total",
        ] {
            #expect(Self.buckets(ours[0], name) == Self.buckets(real, name), "\(name)")
        }
    }

    @Test func sglangPagesMatchRealSGLangScrapes() async throws {
        let real = [
            try Self.fixture("sglang-dynamo-qwen3-0.6b-excerpt.prom"),
            try Self.fixture("sglang-docs-llama31-8b.prom"),
        ]
        let ours = await Self.allPages().filter { $0.0.engine == .sglang }.map(\.1)
        #expect(!ours.isEmpty)
        let realShape = Self.shape(real, prefix: "sglang:")
        // In the reference (METRICS.md §2, collector.py) but in neither saved scrape.
        let documentedOnly: Set = ["sglang:cached_tokens_total", "sglang:num_requests_total"]
        for (name, (type, labelSets)) in Self.shape(ours, prefix: "sglang:") where !documentedOnly.contains(name) {
            let expected = try #require(realShape[name], "\(name) is not in the real scrapes")
            #expect(type == expected.0, "\(name)")
            #expect(labelSets.isSubset(of: expected.1) || labelSets.allSatisfy { $0 == ["model_name"] }, "\(name)")
        }
        for name in [
            "sglang:time_to_first_token_seconds", "sglang:inter_token_latency_seconds",
            "sglang:e2e_request_latency_seconds",
        ] {
            #expect(Self.buckets(ours[0], name) == Self.buckets(real[0], name), "\(name)")
        }
    }

    @Test func dcgmPagesMatchRealExporterScrapes() async throws {
        let real = try Self.fixture("dcgm-exporter-kops-l4.prom")
        let ours = await Self.allPages().filter { $0.0.kind == .dcgm }.map(\.1)
        let labelOrder = real.families[0].samples[0].labels.pairs.map(\.name)
        for page in ours {
            #expect(page.families.count >= 20)
            // A default counter (etc/default-counters.csv, METRICS.md §8.1) that none of the saved scrapes holds.
            for family in page.families where family.name != "DCGM_FI_DEV_XID_ERRORS" {
                let expected = try #require(
                    real.family(named: family.name) ?? Self.fixtureFamily(family.name),
                    "\(family.name) is not in the real scrapes")
                #expect(family.type == expected.type && family.help == expected.help, "\(family.name)")
                // A GPU an engine uses also carries the pod-mapping attributes, which the exporter's template writes
                // after the others in key order (METRICS.md §8.2).
                for sample in family.samples {
                    let names = sample.labels.pairs.map(\.name)
                    #expect(names == labelOrder || names == labelOrder + ["container", "namespace", "pod"])
                }
            }
            // Framebuffer: used + free + reserved is the card's total, as on real cards.
            let used = page.family(named: "DCGM_FI_DEV_FB_USED")!.samples.map(\.value)
            let free = page.family(named: "DCGM_FI_DEV_FB_FREE")!.samples.map(\.value)
            let reserved = page.family(named: "DCGM_FI_DEV_FB_RESERVED")!.samples.map(\.value)
            let model = page.family(named: "DCGM_FI_DEV_FB_USED")!.samples[0].labels["modelName"]!
            let spec = try #require(GPUSpec.catalog.first { $0.modelName == model })
            for index in used.indices {
                #expect(used[index] + free[index] + reserved[index] == spec.framebufferMiB)
            }
        }
    }

    /// A family from any of the saved DCGM exporter scrapes.
    static func fixtureFamily(_ name: String) -> MetricFamily? {
        for file in Fixtures.realScrapes where file.lastPathComponent.hasPrefix("dcgm") {
            if let bytes = try? Fixtures.bytes(file), let family = ExpositionParser.parse(bytes).family(named: name) {
                return family
            }
        }
        return nil
    }
}
