import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPCompression
import NIOPosix
import NIOSSL
import Synchronization

/// Fetches pages over HTTP(S) with the one shared `HTTPClient`: auth header, content negotiation, gzip,
/// the body cap, bounded redirects and an overall timeout, and errors turned into `ScrapeError`s.
package final class HTTPFetcher: Sendable {
    /// Asks for the classic text format only. OpenMetrics pages are still read when a server sends one
    /// anyway (detected from `Content-Type` and `# EOF`), but it is not named here: prometheus_client
    /// (vLLM, SGLang, TRT-LLM) picks OpenMetrics whenever the header mentions it, whatever its q-value,
    /// and then escapes the `:` of `vllm:…` sample names to `_` (seen with prometheus_client 0.26).
    package static let acceptHeader = "text/plain;version=0.0.4;q=1,*/*;q=0.1"

    /// A body as received.
    package struct Fetched: Sendable {
        package var bytes: [UInt8]
        package var contentType: String?
        /// The HTTP status (always 2xx unless `anyStatus` was asked for).
        package var status: Int
    }

    package let client: HTTPClient
    private let credential: Credential?
    /// Targets with their own `auth` or `tls` (by target id): their credential and certificate checks.
    private let credentialsByTarget: [String: Credential]
    private let tlsByTarget: [String: TLSConfiguration]
    /// The secrets to scrub from any text built from a server's reply (read once: every fetch passes them on).
    let secrets: [String]
    private let bodyLimit: Int
    private let maxRedirects: Int
    private let logger: Logger
    /// The latest TLS diagnosis per server, with when it was made.
    private let tlsFindings = Mutex<[String: (at: ContinuousClock.Instant, text: String)]>([:])
    /// The GETs built so far (`prepared`), and how many are kept at most.
    private let preparedGets = Mutex<[PreparedKey: HTTPClient.Request]>([:])
    private static let preparedLimit = 4096

    /// Builds the client from the configuration: reads the credential now (so a bad token file fails at
    /// start, not on every scrape) and loads the CA file.
    package init(
        configuration: IngestConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "infertop.ingest", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws {
        credential = try configuration.auth.resolve(environment: environment)
        var credentials: [String: Credential] = [:]
        var tlsConfigurations: [String: TLSConfiguration] = [:]
        for target in configuration.targets {
            do {
                if case .http(let url) = target.source, let fromURL = Credential.fromUserInfo(of: url) {
                    if let auth = target.auth, !auth.isEmpty {
                        throw ConfigurationError.invalidFlag(
                            "auth",
                            message: "the URL carries user:password and the "
                                + "target has its own auth: give one of the two")
                    }
                    credentials[target.id] = fromURL.credential
                }
                if let auth = target.auth, !auth.isEmpty { credentials[target.id] = try auth.resolve(environment: environment) }
                if let tls = target.tls { tlsConfigurations[target.id] = try Self.tlsConfiguration(tls) }
            } catch let error as ConfigurationError {
                throw ConfigurationError.invalidFlag("target \(target.id)", message: error.description)
            }
        }
        credentialsByTarget = credentials
        tlsByTarget = tlsConfigurations
        secrets = (credential?.secrets ?? []) + credentials.values.flatMap(\.secrets)
        bodyLimit = configuration.bodyLimitBytes
        maxRedirects = configuration.maxRedirects
        self.logger = logger
        let tls = try Self.tlsConfiguration(configuration.tls)
        var http = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: maxRedirects == 0 ? .disallow : .follow(max: maxRedirects, allowCycles: false),
            timeout: .init(
                connect: .milliseconds(Int64(configuration.timeoutSeconds * 1000)),
                read: .milliseconds(Int64(configuration.timeoutSeconds * 1000))),
            decompression: .enabled(limit: .size(configuration.bodyLimitBytes)))
        // Each target keeps its keep-alive connection between scrapes, also where many share one host and port
        // (a served simulator, an exporter behind one address): as many kept as scrapes may run at once, since a
        // connection over the limit is closed after its request and the next scrape connects again.
        http.connectionPool = .init(
            idleTimeout: .seconds(60),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(8, min(configuration.concurrency, 1024)))
        // A refused connection is the answer, not a reason to try again: the pool would otherwise retry with
        // back-off until the scrape's deadline, so every down target held a scrape slot for the whole timeout
        // (1,000 down targets took 32 s a round at 64 slots). The next scrape tries again anyway.
        http.connectionPool.retryConnectionEstablishment = false
        http.httpVersion = .http1Only
        // No spans: the default tracer does nothing, yet starting one cost 3 % of a scrape.
        http.tracing.tracer = nil
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: http)
    }

    /// The client's certificate checks for `settings`: the system store, plus a CA file, or none at all.
    private static func tlsConfiguration(_ settings: TLSSettings) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if settings.insecure {
            tls.certificateVerification = .none
        }
        if let caFile = settings.caFile {
            let path = (caFile as NSString).expandingTildeInPath
            do {
                let certificates = try NIOSSLCertificate.fromPEMFile(path)
                tls.additionalTrustRoots = [.certificates(certificates)]
            } catch {
                throw ConfigurationError.unreadable(file: caFile, reason: "not a PEM certificate file (\(error))")
            }
        }
        return tls
    }

    /// An executor on the next of the client's event loops, for a task that fetches and reads on one thread
    /// (`EventLoopExecutor`); successive calls spread tasks over the loops.
    package func makeExecutor() -> EventLoopExecutor {
        EventLoopExecutor(loop: client.eventLoopGroup.next())
    }

    /// The client's loop this code runs on, if any: a request made there keeps its connection and its answer
    /// on that loop.
    private var currentLoop: (any EventLoop)? {
        guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else { return nil }
        return client.eventLoopGroup.makeIterator().contains { $0 === loop } ? loop : nil
    }

    /// Closes the client's connections; call once when ingest stops.
    package func shutdown() async {
        try? await client.shutdown()
    }

    /// Fetches `url` within `timeout`; the auth header is added when configured. A `user:password@` in the URL
    /// is sent as basic auth (the target's own credential, over the shared one), never in the request line.
    /// With `anyStatus`, a non-2xx answer is returned (for APIs whose error bodies explain the failure)
    /// instead of failing with `.httpStatus`. `target` picks that target's own credential and TLS settings.
    /// With a `form`, the request is a POST of it, URL-encoded (query APIs take long expressions that way);
    /// with a `body`, a POST of those bytes as text (an import API).
    package func fetch(
        _ url: URL, accept: String = HTTPFetcher.acceptHeader, timeout: Duration,
        anyStatus: Bool = false, target: String? = nil,
        form: [(String, String)]? = nil, body: [UInt8]? = nil
    ) async throws(ScrapeError) -> Fetched {
        // The whole exchange, body included, is bounded by the client's deadline.
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.seconds * 1e9))
        do {
            let request = try prepared(url, accept: accept, timeout: timeout, target: target, form: form, body: body)
            let collector = BodyCollector(bodyLimit: bodyLimit, anyStatus: anyStatus, secrets: secrets)
            let task = client.execute(
                request: request, delegate: collector,
                eventLoop: currentLoop.map { .delegate(on: $0) } ?? .indifferent,
                deadline: deadline, logger: logger)
            return try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
        } catch {
            let failure = classify(error, timeout: timeout)
            let requestURL = Credential.fromUserInfo(of: url)?.url ?? url
            guard case .tls = failure, let host = requestURL.host else { throw failure }
            // The client says only that the handshake failed; find out why, once a minute per server at most.
            let mismatch = (error as? NIOSSLExtraError) == .failedToValidateHostname
            throw .tls(
                await tlsFinding(
                    host: host, port: requestURL.port ?? 443, hostnameMismatch: mismatch,
                    timeout: timeout))
        }
    }

    /// The request `fetch` sends. A GET is built once and kept: a target asks the same thing every scrape, and
    /// building it (the URL parsed twice, the headers, the timeout written out) was 5 % of the dashboard's CPU
    /// while it read 46 targets a second. The kept requests are dropped all at once past `preparedLimit`, so
    /// targets that come and go (service discovery) do not grow it without bound.
    private func prepared(
        _ url: URL, accept: String, timeout: Duration, target: String?, form: [(String, String)]?, body: [UInt8]?
    ) throws -> HTTPClient.Request {
        let key = form == nil && body == nil ? PreparedKey(url: url, accept: accept, timeout: timeout, target: target) : nil
        if let key, let known = preparedGets.withLock({ $0[key] }) { return known }
        let fromURL = Credential.fromUserInfo(of: url)
        var headers = HTTPHeaders()
        var requestBody: HTTPClient.Body?
        var method = HTTPMethod.GET
        if let form {
            method = .POST
            headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            requestBody = .string(Self.formEncoded(form))
        } else if let body {
            method = .POST
            headers.add(name: "Content-Type", value: "text/plain")
            requestBody = .bytes(body)
        }
        headers.add(name: "Accept", value: accept)
        headers.add(name: "Accept-Encoding", value: "gzip")
        headers.add(name: "User-Agent", value: "infertop")
        headers.add(name: "X-Prometheus-Scrape-Timeout-Seconds", value: "\(timeout.seconds)")
        if let credential = target.flatMap({ credentialsByTarget[$0] }) ?? fromURL?.credential ?? credential {
            headers.add(name: "Authorization", value: credential.headerValue)
        }
        let request = try HTTPClient.Request(
            url: fromURL?.url ?? url, method: method, headers: headers, body: requestBody,
            tlsConfiguration: target.flatMap { tlsByTarget[$0] })
        if let key {
            preparedGets.withLock { kept in
                if kept.count >= Self.preparedLimit { kept.removeAll() }
                kept[key] = request
            }
        }
        return request
    }

    /// What makes two GETs the same request.
    private struct PreparedKey: Hashable {
        var url: URL
        var accept: String
        var timeout: Duration
        var target: String?
    }

    /// `a=1&b=x%2By`: every byte but unreserved ones percent-encoded (a `+` would read as a space).
    static func formEncoded(_ pairs: [(String, String)]) -> String {
        func encode(_ text: String) -> String {
            var out = ""
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"):
                    out.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return out
        }
        return pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// Why a handshake with `host:port` failed (`TLSDiagnosis`), remembered for a minute so that a target that keeps
    /// failing costs one extra connection a minute, not one per scrape.
    private func tlsFinding(host: String, port: Int, hostnameMismatch: Bool, timeout: Duration) async -> String {
        let key = "\(host):\(port):\(hostnameMismatch)"
        let now = ContinuousClock.now
        if let known = tlsFindings.withLock({ $0[key] }), now - known.at < .seconds(60) { return known.text }
        let finding = await TLSDiagnosis.diagnose(
            host: host, port: port, serverName: host, hostnameMismatch: hostnameMismatch,
            timeout: .nanoseconds(Int64(min(timeout, .seconds(5)).seconds * 1e9)))
        tlsFindings.withLock { $0[key] = (now, finding.text) }
        return finding.text
    }

    private func classify(_ error: any Error, timeout: Duration) -> ScrapeError {
        if let error = error as? ScrapeError { return error }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .getConnectionFromPoolTimeout:
                return .timeout(seconds: timeout.seconds)
            case .redirectLimitReached, .redirectCycleDetected:
                return .tooManyRedirects(limit: maxRedirects)
            case .remoteConnectionClosed, .cancelled:
                return .connectionReset
            case .tlsHandshakeTimeout:
                return .tls("the TLS handshake timed out; check that the port serves HTTPS")
            default:
                break
            }
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tls(String(describing: error))  // replaced by what `TLSDiagnosis` finds
        }
        if let decompression = error as? NIOHTTPDecompression.DecompressionError {
            if case .limit = decompression { return .bodyTooLarge(limitBytes: bodyLimit) }
            return .refused(.notExposition("the gzip body does not decompress (\(decompression))"))
        }
        let text = Redaction.scrub(String(describing: error), secrets: secrets)
        if error is CancellationError { return .timeout(seconds: timeout.seconds) }
        if text.contains("ECONNREFUSED") || text.contains("Connection refused") || text.contains("connection refused") {
            return .connectionRefused
        }
        if text.contains("ECONNRESET") || text.contains("Connection reset") || text.contains("reset by peer") {
            return .connectionReset
        }
        return .network(text)
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
