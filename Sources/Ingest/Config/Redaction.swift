import Foundation

/// Removes secrets from text before it is shown, logged or recorded.
///
/// Passwords in `user:password@host` URLs are the one secret that can hide inside an address; tokens and
/// passwords read from files never enter a description in the first place.
package enum Redaction {
    /// `http://user:secret@host/x` → `http://user:***@host/x`; other strings unchanged.
    package static func url(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return text }
        let userInfo = authority[..<at]
        let user = userInfo.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        let hasPassword = userInfo.contains(":")
        return String(text[..<schemeEnd.upperBound]) + user + (hasPassword ? ":***" : "") + String(rest[at...])
    }

    /// `text` with every occurrence of each secret replaced by `***` (a guard for messages built from
    /// server replies, which might echo a header back).
    package static func scrub(_ text: String, secrets: [String]) -> String {
        var result = text
        for secret in secrets where secret.count >= 4 {
            result = result.replacingOccurrences(of: secret, with: "***")
        }
        return result
    }
}
