import Exposition
import Formatting

/// Why one read of a target failed, worded for the screen: what happened and what to try.
/// No case carries a header, token or password.
package enum ScrapeError: Error, Sendable, Equatable, CustomStringConvertible {
    case timeout(seconds: Double)
    case bodyTooLarge(limitBytes: Int)
    case httpStatus(code: Int, reason: String)
    case tooManyRedirects(limit: Int)
    case connectionRefused
    case connectionReset
    /// What failed in the TLS handshake and what to pass (`TLSDiagnosis`).
    case tls(String)
    case network(String)
    /// The body was not taken as a page (`PageIntake`): not exposition text, or more series than a target
    /// may send (`--series-limit`).
    case refused(PageRefusal)
    case file(path: String, reason: String)

    package var description: String {
        switch self {
        case .timeout(let seconds):
            return
                "no complete answer within \(Format.seconds(seconds, absent: "?")) (timeout); is the target overloaded? raise --timeout if it is just slow"
        case .bodyTooLarge(let limit):
            return
                "body larger than the \(Format.bytes(limit, absent: "?")) cap; stopped reading (raise body_limit if the page is really this big)"
        case .httpStatus(let code, let reason):
            let hint: String
            switch code {
            case 401, 403: hint = "; check --bearer-token-file/--bearer-token-env or basic auth"
            case 404: hint = "; check the path (usually /metrics) and that metrics are enabled on the server"
            case 500...599: hint = "; the server failed to produce its metrics"
            default: hint = ""
            }
            return "HTTP \(code)\(reason.isEmpty ? "" : " " + reason)\(hint)"
        case .tooManyRedirects(let limit):
            return "more than \(limit) redirects (or a redirect loop); point infertop at the final URL"
        case .connectionRefused:
            return "connection refused; nothing listens on that port"
        case .connectionReset:
            return "connection reset or closed by the server before the page was complete"
        case .tls(let detail):
            return "TLS failed: \(detail)"
        case .network(let detail):
            return "network error: \(detail)"
        case .refused(let refusal):
            return refusal.description
        case .file(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
