/// How HTTPS targets are verified.
///
/// By default the system CA store verifies the server; `caFile` adds a PEM bundle (a private CA or a
/// self-signed certificate); `insecure` turns verification off, only when asked, and the dashboard shows
/// a warning while it is on (`isInsecure`).
public struct TLSSettings: Sendable, Hashable {
    public var caFile: String?
    public var insecure: Bool

    public init(caFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.insecure = insecure
    }

    /// The warning the UI shows while certificate checks are off; nil when they are on.
    public var warning: String? {
        insecure ? "TLS certificate verification is OFF (--insecure): connections can be intercepted" : nil
    }
}
