import Foundation
import Ingest
import TestSupport
import Testing

/// A misbehaving peer, and the words its error must contain.
struct HostileCase: Sendable, CustomTestStringConvertible {
    let mode: String
    let expected: String
    var testDescription: String { mode }
}

@Suite("Scraper against hostile servers")
struct ScraperHostileTests {
    static let cases = [
        HostileCase(mode: "silent", expected: "timeout"),
        // The head arrives at once and the body never ends: the timeout covers the body too.
        HostileCase(mode: "trickle", expected: "timeout"),
        HostileCase(mode: "reset", expected: "reset"),
        HostileCase(mode: "junk", expected: "binary data"),
        HostileCase(mode: "endless", expected: "256.0KiB cap"),
        HostileCase(mode: "404", expected: "HTTP 404"),
        HostileCase(mode: "500", expected: "HTTP 500"),
        HostileCase(mode: "redirect", expected: "redirects"),
    ]

    @Test("each hostile peer shows its error while a good target keeps updating", arguments: cases)
    func hostile(_ hostile: HostileCase) async throws {
        let page = Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")
        let servers = try await PythonServers([hostile.mode, "page"], page: page)
        defer { servers.stop() }
        let bad = servers.url(hostile.mode)
        let good = servers.url("page")
        let (log, met) = try await ScrapeHarness.run([bad, good]) { log in
            let badCount = await log.results(for: bad).count
            let goodCount = await log.successes(for: good)
            return badCount >= 2 && goodCount >= 4
        }
        let badResults = await log.results(for: bad)
        let goodSuccesses = await log.successes(for: good)
        #expect(met, "bad target results: \(badResults.count), good successes: \(goodSuccesses)")
        #expect(!badResults.isEmpty)
        for result in badResults {
            #expect(!result.isUp)
            #expect(result.page == nil)
            #expect(result.error?.contains(hostile.expected) == true, "\(hostile.mode): \(result.error ?? "nil")")
        }
        #expect(badResults.last?.consecutiveFailures == badResults.count)
        let goodLast = try #require(await log.last(for: good))
        #expect(goodLast.isUp)
        #expect((goodLast.page?.sampleCount ?? 0) > 100)
    }

    @Test("a gzip-compressed page arrives whole and parses")
    func gzip() async throws {
        let page = Fixtures.realScrape("dcgm-exporter-kops-l4.prom")
        let servers = try await PythonServers(["gzip"], page: page)
        defer { servers.stop() }
        let target = servers.url("gzip")
        let (log, met) = try await ScrapeHarness.run([target]) { await $0.successes(for: target) >= 1 }
        #expect(met)
        let result = try #require(await log.last(for: target))
        #expect(result.body == (try Fixtures.bytes(page)))
        #expect(result.page?.family(named: "DCGM_FI_DEV_FB_USED") != nil)
    }

    @Test("a target that needs a bearer token: refused without it, up with it, and the token never shows")
    func bearer() async throws {
        let token = "s3cr3t-token-\(UInt32.random(in: 1000...9999))"
        let page = Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")
        let servers = try await PythonServers(["bearer"], page: page, token: token)
        defer { servers.stop() }
        let target = servers.url("bearer")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-bearer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrongFile = folder.appendingPathComponent("wrong").path
        try Data("wrong-\(token)\n".utf8).write(to: URL(fileURLWithPath: wrongFile))

        let (refused, _) = try await ScrapeHarness.run([target]) { await $0.results(for: target).count >= 1 }
        #expect(try #require(await refused.last(for: target)).error?.contains("HTTP 401") == true)

        let (wrong, _) = try await ScrapeHarness.run([target], configure: { $0.auth.bearerTokenFile = wrongFile }) {
            await $0.results(for: target).count >= 1
        }
        let wrongError = try #require(await wrong.last(for: target)?.error)
        #expect(wrongError.contains("HTTP 401"))
        #expect(!wrongError.contains(token))

        let (accepted, met) = try await ScrapeHarness.run(
            [target], configure: { $0.auth.bearerTokenEnv = "INFERTOP_TEST_TOKEN" },
            environment: ["INFERTOP_TEST_TOKEN": token]
        ) {
            await $0.successes(for: target) >= 1
        }
        #expect(met)
        #expect(try #require(await accepted.last(for: target)).page?.family(named: "vllm:num_requests_running") != nil)
    }

    @Test("a refused connection is reported as such")
    func refused() async throws {
        // Bind and close a socket to get a port nobody listens on.
        let servers = try await PythonServers(["404"])
        let port = servers.ports["404"] ?? 0
        servers.stop()
        let target = "http://127.0.0.1:\(port)/metrics"
        let (log, met) = try await ScrapeHarness.run([target]) { await $0.results(for: target).count >= 1 }
        #expect(met)
        let error = try #require(await log.last(for: target)?.error)
        #expect(error.contains("refused"), "\(error)")
    }
}
