import Foundation
import TestSupport
import Testing

@testable import Ingest

/// `user:password@host` in a target's URL is sent as basic auth (and never shown), and a failed TLS handshake
/// says what failed and what to pass, against real servers (`Servers/test_servers.py`: Python's http.server and
/// ssl) with certificates made by `openssl`.
@Suite(.serialized) struct URLCredentialAndTLSTests {
    static let page = Fixtures.realScrape("vllm-v1-kops-qwen2.5-0.5b.prom")

    /// One round over `targets`, each with its own TLS settings.
    static func scrape(_ targets: [(address: String, tls: TLSSettings?)]) async throws -> [String: ScrapeResult] {
        var configuration = IngestConfiguration()
        configuration.timeoutSeconds = 5
        configuration.targets = try targets.map {
            var target = try ScrapeTarget(address: $0.address)
            target.tls = $0.tls
            return target
        }
        let round = try ScrapeRound(configuration: configuration, fetcher: try HTTPFetcher(configuration: configuration))
        let results = await round.read()
        await round.shutdown()
        return Dictionary(uniqueKeysWithValues: results.map { ($0.target, $0) })
    }

    @Test func aPasswordInTheURLIsSentAsBasicAuthAndNeverShown() async throws {
        let password = "p@ss w0rd-4711"
        let servers = try await PythonServers(["basic"], page: Self.page, basic: "scraper:\(password)")
        defer { servers.stop() }
        let port = servers.ports["basic"]!
        let encoded = password.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed)!
        let right = "http://scraper:\(encoded)@127.0.0.1:\(port)/metrics"
        let wrong = "http://scraper:nope@127.0.0.1:\(port)/metrics?wrong"
        let results = try await Self.scrape([(right, nil)])
        let shownRight = "http://scraper:***@127.0.0.1:\(port)/metrics"
        #expect(results[shownRight]?.isUp == true, "\(results[shownRight]?.error ?? "no result")")
        #expect(results[shownRight]?.page?.sampleCount ?? 0 > 100)
        // What the server saw: the password in the Authorization header, not in the request line.
        let seen = try String(contentsOf: URL(string: servers.url("basic", path: "/last-authorization"))!, encoding: .utf8)
        #expect(seen == "Basic " + Data("scraper:\(password)".utf8).base64EncodedString())
        let refused = try await Self.scrape([(wrong, nil)])
        let error = try #require(refused["http://scraper:***@127.0.0.1:\(port)/metrics?wrong"]?.error)
        #expect(error.contains("HTTP 401"))
        for (id, result) in results.merging(refused, uniquingKeysWith: { a, _ in a }) {
            #expect(!id.contains(password) && !id.contains(encoded) && !(result.error ?? "").contains(password))
        }
    }

    @Test func aURLPasswordAndATargetsOwnAuthAreRefusedTogether() throws {
        var configuration = IngestConfiguration()
        var target = try ScrapeTarget(address: "http://u:p@gpu-1:8000/metrics")
        target.auth = AuthSettings(bearerTokenEnv: "TOKEN")
        configuration.targets = [target]
        #expect(throws: ConfigurationError.self) { try HTTPFetcher(configuration: configuration, environment: ["TOKEN": "t"]) }
    }

    @Test func eachTLSFailureSaysWhatFailedAndWhatToPass() async throws {
        let folder = try TemporaryFolder("tls")
        let trusted = try SelfSignedCertificate(in: folder.url, name: "trusted")
        let otherName = try SelfSignedCertificate(
            in: folder.url, name: "other", commonName: "metrics.example",
            subjectAltName: "DNS:metrics.example")
        let expired = try SelfSignedCertificate(in: folder.url, name: "expired", expired: true)
        var servers: [PythonServers] = []
        defer { for server in servers { server.stop() } }
        func serve(_ certificate: SelfSignedCertificate?) async throws -> String {
            let mode = certificate == nil ? "page" : "page-tls"
            let server = try await PythonServers([mode], page: Self.page, cert: certificate?.cert, key: certificate?.key)
            servers.append(server)
            return server.url(mode, scheme: "https")
        }
        let selfSigned = try await serve(trusted)
        let mismatch = try await serve(otherName)
        let old = try await serve(expired)
        let plain = try await serve(nil)
        let results = try await Self.scrape([
            (selfSigned, nil), (mismatch, TLSSettings(caFile: otherName.cert)), (old, TLSSettings(caFile: expired.cert)),
            (plain, nil),
        ])
        func error(_ url: String) -> String { results[url]?.error ?? "up" }
        #expect(error(selfSigned).contains("self-signed and not trusted"), "\(error(selfSigned))")
        #expect(error(selfSigned).contains("--ca-file") && error(selfSigned).contains("--insecure"))
        #expect(
            error(mismatch).contains("name mismatch: the certificate is for metrics.example, not 127.0.0.1"),
            "\(error(mismatch))")
        #expect(error(old).contains("expired on 2020-01-02"), "\(error(old))")
        #expect(error(plain).contains("does not speak TLS") && error(plain).contains("http://"), "\(error(plain))")
        #expect(!results.values.contains { ($0.error ?? "").contains("uncleanShutdown") })

        // What the messages say to pass works: the CA file, or no verification.
        let fixed = try await Self.scrape([(selfSigned, TLSSettings(caFile: trusted.cert)), (old, TLSSettings(insecure: true))])
        #expect(fixed[selfSigned]?.isUp == true, "\(fixed[selfSigned]?.error ?? "")")
        #expect(fixed[old]?.isUp == true, "\(fixed[old]?.error ?? "")")
    }
}
