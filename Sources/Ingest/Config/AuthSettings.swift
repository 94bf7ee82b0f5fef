import Foundation

/// Where the credentials for HTTP targets and the Prometheus source come from.
///
/// Only the *places* are kept (a file path, an environment variable name), never the secret itself, so this
/// value can be printed, logged and compared freely. `resolve` reads the secret when a client is built.
package struct AuthSettings: Sendable, Hashable {
    package var bearerTokenFile: String?
    package var bearerTokenEnv: String?
    package var basicAuthUser: String?
    package var basicAuthPasswordFile: String?

    package init(
        bearerTokenFile: String? = nil, bearerTokenEnv: String? = nil,
        basicAuthUser: String? = nil, basicAuthPasswordFile: String? = nil
    ) {
        self.bearerTokenFile = bearerTokenFile
        self.bearerTokenEnv = bearerTokenEnv
        self.basicAuthUser = basicAuthUser
        self.basicAuthPasswordFile = basicAuthPasswordFile
    }

    /// Whether any credential is configured.
    package var isEmpty: Bool {
        bearerTokenFile == nil && bearerTokenEnv == nil && basicAuthUser == nil && basicAuthPasswordFile == nil
    }

    /// Reads the secret and returns the `Authorization` header to send, or nil when none is configured.
    /// Errors name the file or variable, never its content.
    package func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Credential? {
        let bearerSources = [bearerTokenFile != nil, bearerTokenEnv != nil].filter { $0 }.count
        if bearerSources > 0 && (basicAuthUser != nil || basicAuthPasswordFile != nil) {
            throw ConfigurationError.invalidFlag("auth", message: "choose either a bearer token or basic auth, not both")
        }
        if bearerSources > 1 {
            throw ConfigurationError.invalidFlag("--bearer-token-file/--bearer-token-env", message: "give only one of the two")
        }
        if let path = bearerTokenFile {
            let token = try Self.readSecret(path: path, what: "bearer token file")
            return Credential(headerValue: "Bearer " + token, secret: token)
        }
        if let name = bearerTokenEnv {
            guard let raw = environment[name] else {
                throw ConfigurationError.invalidFlag("--bearer-token-env", message: "environment variable \(name) is not set")
            }
            let token = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else {
                throw ConfigurationError.invalidFlag("--bearer-token-env", message: "environment variable \(name) is empty")
            }
            return Credential(headerValue: "Bearer " + token, secret: token)
        }
        if basicAuthUser != nil || basicAuthPasswordFile != nil {
            guard let user = basicAuthUser, let path = basicAuthPasswordFile else {
                throw ConfigurationError.invalidFlag(
                    "--basic-auth-user/--basic-auth-password-file",
                    message: "basic auth needs both a user and a password file")
            }
            return Credential.basic(user: user, password: try Self.readSecret(path: path, what: "basic auth password file"))
        }
        return nil
    }

    /// The file's content without surrounding whitespace (files usually end in a newline).
    private static func readSecret(path: String, what: String) throws -> String {
        let expanded = (path as NSString).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: expanded) else {
            throw ConfigurationError.unreadable(file: path, reason: "\(what) does not exist or is not readable")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw ConfigurationError.unreadable(file: path, reason: "\(what) is empty")
        }
        return text
    }
}

/// A resolved `Authorization` header. Its description never shows the secret.
package struct Credential: Sendable, Hashable, CustomStringConvertible {
    /// The full header value (`Bearer …` or `Basic …`).
    package let headerValue: String
    /// The raw secret, kept to scrub it from any text that might echo it.
    let secret: String

    package var description: String {
        headerValue.hasPrefix("Basic") ? "basic auth (password hidden)" : "bearer token (hidden)"
    }

    /// HTTP basic auth (RFC 7617): `Basic` and base64 of `user:password`.
    static func basic(user: String, password: String) -> Credential {
        Credential(headerValue: "Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), secret: password)
    }

    /// The basic-auth credential a URL carries in `user:password@host`, and the URL without it (a URL's user
    /// info is not sent by the HTTP client: it becomes this header instead); nil when the URL has none.
    static func fromUserInfo(of url: URL) -> (credential: Credential, url: URL)? {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let user = components.user, !user.isEmpty || components.password != nil
        else { return nil }
        let password = components.password ?? ""
        components.user = nil
        components.password = nil
        guard let stripped = components.url else { return nil }
        return (basic(user: user, password: password), stripped)
    }

    /// Strings that must never appear in output: the secret and the header value.
    var secrets: [String] { [secret, headerValue, String(headerValue.drop(while: { $0 != " " }).dropFirst())] }
}
