/// How HTTPS targets are verified.
///
/// By default the system CA store verifies the server; `caFile` adds a PEM bundle (a private CA or a
/// self-signed certificate); `insecure` turns verification off, only when asked, and the dashboard shows
/// a warning while it is on (`isInsecure`).
package struct TLSSettings: Sendable, Hashable {
    package var caFile: String?
    package var insecure: Bool

    package init(caFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.insecure = insecure
    }

    /// The warning the UI shows while certificate checks are off; nil when they are on.
    package var warning: String? {
        insecure ? "TLS certificate verification is OFF (--insecure): connections can be intercepted" : nil
    }
}
