import Foundation
import Ingest
import Testing

@Suite("Targets, credentials and redaction")
struct TargetAndAuthTests {
    @Test("addresses: host:port, full URLs, file:// and stdin")
    func addresses() throws {
        #expect(try ScrapeTarget(address: "gpu-1:8000").id == "http://gpu-1:8000/metrics")
        #expect(try ScrapeTarget(address: "gpu-1:8000").host == "gpu-1")
        #expect(try ScrapeTarget(address: "https://h:9/m?x=1").id == "https://h:9/m?x=1")
        #expect(try ScrapeTarget(address: "file:///tmp/a.prom").source == .file("/tmp/a.prom"))
        #expect(try ScrapeTarget(address: "-").source == .standardInput)
        #expect(throws: ConfigurationError.self) { try ScrapeTarget(address: "http://") }
    }

    @Test("a password in a URL never reaches the id")
    func urlPassword() throws {
        let target = try ScrapeTarget(address: "http://admin:hunter22@gpu-1:8000/metrics")
        #expect(target.id == "http://admin:***@gpu-1:8000/metrics")
        #expect(Redaction.url("http://gpu:1/x") == "http://gpu:1/x")
    }

    @Test("bearer token from a file and from the environment; errors name the place, not the secret")
    func bearer() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
        try Data("tok-123456\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try #require(try AuthSettings(bearerTokenFile: file.path).resolve(environment: [:]))
        #expect(fromFile.headerValue == "Bearer tok-123456")
        #expect(!fromFile.description.contains("tok-123456"))
        let fromEnv = try #require(try AuthSettings(bearerTokenEnv: "T").resolve(environment: ["T": " tok-9 "]))
        #expect(fromEnv.headerValue == "Bearer tok-9")
        #expect(throws: ConfigurationError.self) { try AuthSettings(bearerTokenEnv: "MISSING").resolve(environment: [:]) }
        #expect(throws: ConfigurationError.self) { try AuthSettings(bearerTokenFile: "/nonexistent").resolve(environment: [:]) }
        #expect(try AuthSettings().resolve(environment: [:]) == nil)
    }

    @Test("basic auth needs a user and a password file, and hides the password")
    func basic() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pw-\(UUID().uuidString)")
        try Data("pa55word\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let credential = try #require(try AuthSettings(basicAuthUser: "me", basicAuthPasswordFile: file.path).resolve())
        #expect(credential.headerValue == "Basic " + Data("me:pa55word".utf8).base64EncodedString())
        #expect(credential.description == "basic auth (password hidden)")
        #expect(throws: ConfigurationError.self) { try AuthSettings(basicAuthUser: "me").resolve() }
        #expect(throws: ConfigurationError.self) {
            try AuthSettings(bearerTokenEnv: "X", basicAuthUser: "me", basicAuthPasswordFile: file.path).resolve(environment: [
                "X": "y"
            ])
        }
    }

    @Test("durations and sizes in their human spellings")
    func spellings() {
        #expect(DurationText.seconds("250ms") == 0.25)
        #expect(DurationText.seconds("2") == 2)
        #expect(DurationText.seconds("1h") == 3600)
        #expect(DurationText.seconds("-1s") == nil)
        #expect(DurationText.seconds("soon") == nil)
        #expect(DurationText.bytes("64MiB") == Double(64 << 20))
        #expect(DurationText.bytes("10MB") == 10_000_000)
        #expect(DurationText.bytes("1k") == nil)
    }

    @Test("--insecure carries a warning for the screen")
    func insecure() {
        #expect(TLSSettings(insecure: true).warning?.contains("OFF") == true)
        #expect(TLSSettings().warning == nil)
    }
}
