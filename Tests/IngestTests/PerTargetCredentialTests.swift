import Foundation
import Ingest
import TestSupport
import Testing

/// Targets of the configuration file with their own `auth:` and `tls:`: each is used for that target only,
/// in place of the shared settings, and no secret reaches an error.
@Suite("Per-target credentials")
struct PerTargetCredentialTests {
    @Test("a target's auth and tls are read from the file, relative paths from its folder; typos name the key")
    func parsed() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            auth: {bearer_token_env: SHARED}
            targets:
              - url: https://gpu-1:8000/metrics
                auth: {bearer_token_file: tokens/gpu-1}
                tls: {ca_file: ca/gpu-1.pem}
              - url: gpu-2:8000
                auth: {basic_auth: {user: scraper, password_file: /etc/infertop/pw}}
                tls: {insecure: true}
              - gpu-3:8000
            """, file: "/etc/infertop/config.yaml")
        let targets = configuration.targets
        #expect(targets[0].auth == AuthSettings(bearerTokenFile: "/etc/infertop/tokens/gpu-1"))
        #expect(targets[0].tls == TLSSettings(caFile: "/etc/infertop/ca/gpu-1.pem"))
        #expect(targets[1].auth == AuthSettings(basicAuthUser: "scraper", basicAuthPasswordFile: "/etc/infertop/pw"))
        #expect(targets[1].tls?.insecure == true)
        #expect(targets[2].auth == nil && targets[2].tls == nil)
        #expect(configuration.skipsCertificateChecks)
        #expect(configuration.tlsWarning?.contains("http://gpu-2:8000/metrics") == true)

        #expect {
            try ConfigurationLoader.parse("targets:\n  - url: gpu-1:8000\n    auth: {bearer_tokn_file: x}\n", file: "c.yaml")
        } throws: { error in
            "\(error)".contains("'targets[0].auth.bearer_tokn_file'") && "\(error)".contains("line 3")
        }
    }

    @Test("each target sends its own token and trusts its own CA; a wrong own token is not rescued by the shared one")
    func scraped() async throws {
        let token = "tok-\(UInt32.random(in: 100_000...999_999))"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-per-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("\(token)\n".utf8).write(to: folder.appendingPathComponent("right"))
        try Data("not-\(token)\n".utf8).write(to: folder.appendingPathComponent("wrong"))
        let certificate = try SelfSignedCertificate(in: folder)
        let page = Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")
        let servers = try await PythonServers(
            ["bearer", "vllm-tls"], page: page, token: token, cert: certificate.cert,
            key: certificate.key)
        defer { servers.stop() }
        let own = servers.url("bearer")
        let wrong = servers.url("bearer", path: "/metrics?wrong")
        let shared = servers.url("bearer", path: "/metrics?shared")
        let secure = servers.url("vllm-tls", scheme: "https")
        var configuration = try ConfigurationLoader.parse(
            """
            auth: {bearer_token_env: SHARED_TOKEN}
            targets:
              - url: \(own)
                auth: {bearer_token_file: right}
              - url: \(wrong)
                auth: {bearer_token_file: wrong}
              - \(shared)
              - url: \(secure)
                tls: {ca_file: cert.pem}
            """, file: folder.appendingPathComponent("config.yaml").path)
        configuration.timeoutSeconds = 5
        let fetcher = try HTTPFetcher(configuration: configuration, environment: ["SHARED_TOKEN": token])
        let round = try ScrapeRound(configuration: configuration, fetcher: fetcher)
        let results = await round.read()
        // GETs are built once and kept: the request kept for one target's URL is not sent for another target
        // asking that URL, nor the other way round.
        let ownURL = try #require(URL(string: own))
        func status(as target: String) async -> String {
            do {
                return "HTTP \(try await fetcher.fetch(ownURL, timeout: .seconds(5), target: target).status)"
            } catch {
                return error.description
            }
        }
        for _ in 0..<2 {
            #expect(await status(as: own) == "HTTP 200")
            #expect(await status(as: wrong).contains("HTTP 401"))
        }
        await round.shutdown()

        #expect(results.map(\.target) == configuration.targets.map(\.id), "one result per target, in order")
        let byTarget = Dictionary(uniqueKeysWithValues: results.map { ($0.target, $0) })
        #expect(byTarget[own]?.isUp == true, "\(byTarget[own]?.error ?? "")")
        #expect(byTarget[shared]?.isUp == true, "\(byTarget[shared]?.error ?? "")")
        #expect(byTarget[secure]?.isUp == true, "\(byTarget[secure]?.error ?? "")")
        let refused = try #require(byTarget[wrong]?.error)
        #expect(refused.contains("HTTP 401"))
        #expect(!results.contains { $0.error?.contains(token) == true })

        // The shared settings alone do not trust the self-signed certificate: the target's own tls did.
        var withoutOwnTLS = configuration
        withoutOwnTLS.targets = [try ScrapeTarget(address: secure)]
        let plain = try ScrapeRound(
            configuration: withoutOwnTLS,
            fetcher: try HTTPFetcher(configuration: withoutOwnTLS, environment: ["SHARED_TOKEN": token]))
        let untrusted = await plain.read()
        await plain.shutdown()
        #expect(untrusted.first?.error?.contains("TLS") == true, "\(untrusted.first?.error ?? "up")")
    }
}
