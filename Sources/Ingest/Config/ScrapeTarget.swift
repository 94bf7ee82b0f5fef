import Foundation

/// One place to read an exposition page from, with the labels the cluster view groups it by.
///
/// `id` is what the screen and the recorder call the target (the address as the user gave it, with any
/// password in a URL removed), so it never carries a secret.
package struct ScrapeTarget: Sendable, Hashable, CustomStringConvertible {
    /// Where the page comes from.
    package enum Source: Sendable, Hashable {
        /// An `http://` or `https://` `/metrics` endpoint.
        case http(URL)
        /// A local file holding one page, re-read every interval.
        case file(String)
        /// Standard input, read once to its end.
        case standardInput
    }

    package var id: String
    package var source: Source
    /// The node (machine) this target runs on; nil lets the cluster model derive it.
    package var node: String?
    /// What the target is (e.g. "engine", "gpu-exporter"); nil when not configured.
    package var role: String?
    /// The Kubernetes pod (and its namespace) the target is, so that the cluster model gives it the GPUs DCGM
    /// reports for that pod; nil when not configured.
    package var pod: String?
    package var namespace: String?
    package var container: String?
    /// The GPUs this target's engine uses (`gpus:`): GPU ids, UUIDs or indices on its node; empty: joined by
    /// pod or by node.
    package var gpus: [String] = []
    /// This target's own credential places, used instead of the configuration's `auth` (nil: the shared one).
    package var auth: AuthSettings?
    /// This target's own certificate checks, used instead of the configuration's `tls` (nil: the shared one).
    package var tls: TLSSettings?

    package init(
        id: String, source: Source, node: String? = nil, role: String? = nil, auth: AuthSettings? = nil,
        tls: TLSSettings? = nil
    ) {
        self.id = id
        self.source = source
        self.node = node
        self.role = role
        self.auth = auth
        self.tls = tls
    }

    /// Reads an address the way the command line accepts it: a full `http(s)://` URL, `host:port` (meaning
    /// `http://host:port/metrics`), `file:///path`, or `-` for standard input.
    package init(address: String, node: String? = nil, role: String? = nil) throws {
        let trimmed = address.trimmingCharacters(in: .whitespaces)
        self.node = node
        self.role = role
        if trimmed == "-" {
            self.id = "stdin"
            self.source = .standardInput
            return
        }
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("file://") {
            let path = String(trimmed.dropFirst("file://".count))
            guard !path.isEmpty else { throw ConfigurationError.badAddress(address, reason: "the file URL has no path") }
            self.id = trimmed
            self.source = .file(path)
            return
        }
        let withScheme = lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? trimmed : "http://" + trimmed
        guard var components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty else {
            throw ConfigurationError.badAddress(
                address, reason: "expected http(s)://host:port/path, host:port, file:///path or -")
        }
        if components.path.isEmpty { components.path = "/metrics" }
        guard let url = components.url else {
            throw ConfigurationError.badAddress(address, reason: "not a valid URL")
        }
        self.source = .http(url)
        self.id = Redaction.url(url.absoluteString)
    }

    /// The host part of an HTTP target's address (`gpu-3` for `http://gpu-3:8000/metrics`), used as the node
    /// when none is configured; nil for files and standard input.
    package var host: String? {
        if case .http(let url) = source { return url.host }
        return nil
    }

    package var description: String { id }
}
