import Foundation

/// A certificate for 127.0.0.1 and localhost, made by `openssl` in a folder, for the TLS tests' servers.
struct SelfSignedCertificate {
    let cert: String
    let key: String

    init(in folder: URL) throws {
        cert = folder.appendingPathComponent("cert.pem").path
        key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                             "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw TestServerError(message: "openssl could not make a certificate (is openssl installed?)")
        }
    }
}
