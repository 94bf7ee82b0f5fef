import Foundation

/// A self-signed certificate made by `openssl` in a folder, for the TLS tests' servers: by default for 127.0.0.1
/// and localhost, valid for a day; or for other names, or one that expired in 2020 (signed by `openssl ca`, which
/// takes explicit dates).
struct SelfSignedCertificate {
    let cert: String
    let key: String

    init(
        in folder: URL, name: String = "cert", commonName: String = "localhost",
        subjectAltName: String = "IP:127.0.0.1,DNS:localhost", expired: Bool = false
    ) throws {
        cert = folder.appendingPathComponent("\(name).pem").path
        key = folder.appendingPathComponent("\(name)-key.pem").path
        let subject = ["-subj", "/CN=\(commonName)", "-addext", "subjectAltName=\(subjectAltName)"]
        guard expired else {
            try Self.openssl(
                ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1"] + subject)
            return
        }
        let ca = folder.appendingPathComponent("\(name)-ca")
        try FileManager.default.createDirectory(at: ca, withIntermediateDirectories: true)
        try Data().write(to: ca.appendingPathComponent("index.txt"))
        try Data("01\n".utf8).write(to: ca.appendingPathComponent("serial"))
        let configuration = ca.appendingPathComponent("ca.cnf")
        try Data(
            """
            [ ca ]
            default_ca = expired
            [ expired ]
            database = \(ca.path)/index.txt
            serial = \(ca.path)/serial
            new_certs_dir = \(ca.path)
            default_md = sha256
            policy = any
            copy_extensions = copy
            [ any ]
            commonName = supplied

            """.utf8
        ).write(to: configuration)
        let request = ca.appendingPathComponent("request.csr").path
        try Self.openssl(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", request] + subject)
        try Self.openssl([
            "ca", "-batch", "-config", configuration.path, "-selfsign", "-keyfile", key, "-in", request,
            "-out", cert, "-startdate", "20200101000000Z", "-enddate", "20200102000000Z",
        ])
    }

    private static func openssl(_ arguments: [String]) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl"] + arguments
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else {
            throw TestServerError(
                message: "openssl \(arguments.first ?? "") could not make a certificate (is openssl installed?)")
        }
    }
}
