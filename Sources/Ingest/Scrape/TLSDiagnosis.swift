import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// Finds out why a TLS handshake failed, in words a person can act on. The client's own error says only that
/// verification failed (or, against a server that does not speak TLS, that the connection closed uncleanly), so
/// this makes one more connection that verifies nothing and reads the certificate the server shows: expired,
/// not yet valid, self-signed, issued by an untrusted CA, or for other names; or no TLS handshake at all.
enum TLSDiagnosis {
    /// What went wrong with the certificate (or the handshake), and what to pass.
    struct Finding: Sendable, Equatable {
        var problem: String
        var remedy: String
        var text: String { "\(problem); \(remedy)" }
    }

    static let caRemedy =
        "pass --ca-file with the CA that signed it (or the certificate itself), or --insecure to skip verification"

    /// Looks at the certificate `host:port` shows (with `serverName` as SNI). `hostnameMismatch`: the client
    /// found the certificate trusted but not for `serverName`.
    static func diagnose(
        host: String, port: Int, serverName: String?, hostnameMismatch: Bool, timeout: TimeAmount,
        now: Date = Date()
    ) async -> Finding {
        let certificate: NIOSSLCertificate
        do {
            guard let found = try await peerCertificate(host: host, port: port, serverName: serverName, timeout: timeout) else {
                return Finding(problem: "the server sent no certificate", remedy: "check that the port serves HTTPS")
            }
            certificate = found
        } catch {
            // BoringSSL's own words ("WRONG_VERSION_NUMBER" and a code) say no more than this.
            return Finding(
                problem: "no TLS handshake: the server does not speak TLS on this port",
                remedy: "use http:// if it serves plain HTTP, or the port that serves HTTPS")
        }
        return classify(certificate, serverName: serverName ?? host, hostnameMismatch: hostnameMismatch, now: now)
    }

    /// The finding for a certificate the client refused, from what it says about itself.
    static func classify(_ certificate: NIOSSLCertificate, serverName: String, hostnameMismatch: Bool, now: Date) -> Finding {
        let subject = name(certificate.subjectName)
        let notAfter = Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter))
        let notBefore = Date(timeIntervalSince1970: TimeInterval(certificate.notValidBefore))
        if notAfter < now {
            return Finding(
                problem: "the server's certificate (\(subject)) expired on \(day(notAfter))",
                remedy: "renew it on the server, or pass --insecure to skip verification")
        }
        if notBefore > now {
            return Finding(
                problem: "the server's certificate (\(subject)) is not valid before \(day(notBefore)) (check the clocks)",
                remedy: "pass --insecure to skip verification until then")
        }
        let names = self.names(certificate)
        if hostnameMismatch || (!names.isEmpty && !names.contains { matches($0, serverName) }) {
            let listed = names.isEmpty ? subject : names.joined(separator: ", ")
            return Finding(
                problem: "certificate name mismatch: the certificate is for \(listed), not \(serverName)",
                remedy: "use a name it is for in the URL, or pass --insecure to skip verification")
        }
        if certificate.subjectName == certificate.issuerName {
            return Finding(problem: "the server's certificate (\(subject)) is self-signed and not trusted", remedy: caRemedy)
        }
        return Finding(
            problem: "the server's certificate (\(subject)) is not trusted: its issuer "
                + "(\(name(certificate.issuerName))) is not a trusted CA", remedy: caRemedy)
    }

    /// The certificate the server at `host:port` presents, read with verification off.
    private static func peerCertificate(
        host: String, port: Int, serverName: String?,
        timeout: TimeAmount
    ) async throws -> NIOSSLCertificate? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        let context = try NIOSSLContext(configuration: configuration)
        // SNI takes a host name, never an address.
        let sni = serverName.flatMap { isAddress($0) ? nil : $0 }
        let group = MultiThreadedEventLoopGroup.singleton
        let handshake = group.any().makePromise(of: Void.self)
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: sni))
                    try channel.pipeline.syncOperations.addHandler(HandshakeWaiter(promise: handshake))
                }
            }
            .connect(host: host, port: port).get()
        defer { channel.close(promise: nil) }
        let deadline = channel.eventLoop.scheduleTask(in: timeout) {
            handshake.fail(ChannelError.connectTimeout(timeout))
        }
        defer { deadline.cancel() }
        try await handshake.futureResult.get()
        return try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate
        }.get()
    }

    /// Completes `promise` when the TLS handshake does, or fails it when the connection ends first.
    private final class HandshakeWaiter: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let promise: EventLoopPromise<Void>

        init(promise: EventLoopPromise<Void>) { self.promise = promise }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .handshakeCompleted = event as? TLSUserEvent { promise.succeed(()) }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            promise.fail(error)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            promise.fail(ChannelError.eof)
            context.fireChannelInactive()
        }
    }

    /// DNS names and addresses the certificate is for: its subject alternative names, else its common name.
    static func names(_ certificate: NIOSSLCertificate) -> [String] {
        var result: [String] = []
        for name in certificate._subjectAlternativeNames() {
            switch name.nameType {
            case .dnsName: result.append(String(decoding: Array(name.contents), as: UTF8.self))
            case .ipAddress: result.append(address(Array(name.contents)))
            default: break
            }
        }
        if result.isEmpty, let common = certificate.subjectName.first(where: { $0.type == .commonName })?.value {
            result.append(common)
        }
        return result
    }

    /// Whether a certificate name covers `host` (one leading `*.` label matches one label).
    static func matches(_ name: String, _ host: String) -> Bool {
        let name = name.lowercased()
        let host = host.lowercased()
        if name.hasPrefix("*."), let dot = host.firstIndex(of: ".") { return String(host[dot...]) == String(name.dropFirst()) }
        return name == host
    }

    private static func address(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: bytes.count, by: 2).map { String(format: "%x", Int(bytes[$0]) << 8 | Int(bytes[$0 + 1])) }
            .joined(separator: ":")
    }

    private static func isAddress(_ host: String) -> Bool {
        host.contains(":") || host.split(separator: ".").allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    private static func name(_ parts: [SSLCertificateName]) -> String {
        if let common = parts.first(where: { $0.type == .commonName })?.value { return "CN=" + common }
        if let organization = parts.first(where: { $0.type == .organization })?.value { return "O=" + organization }
        return parts.first?.value ?? "no name"
    }

    private static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
