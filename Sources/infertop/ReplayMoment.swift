import ArgumentParser
import Foundation

/// A moment in a replay, as typed: an offset from the start (`90`, `90s`, `12:30`, `00:12:30`, `1h2m`) or an
/// absolute time (`2026-01-01T00:12:30Z`).
struct ReplayMoment: ExpressibleByArgument {
    enum Kind: Equatable {
        case offset(ms: Int64)
        case absolute(ms: Int64)
    }

    let kind: Kind

    init?(argument: String) {
        if let kind = Self.parse(argument) { self.kind = kind } else { return nil }
    }

    static func parse(_ text: String) -> Kind? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("T"), let date = ISO8601DateFormatter().date(from: trimmed) {
            return .absolute(ms: Int64((date.timeIntervalSince1970 * 1000).rounded()))
        }
        if trimmed.contains(":") {
            let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false).map { Double($0) }
            guard parts.count <= 3, parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
            let seconds = parts.reduce(0.0) { $0 * 60 + $1! }
            return .offset(ms: Int64((seconds * 1000).rounded()))
        }
        var total = 0.0
        var number = ""
        for character in trimmed.lowercased() {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            guard let value = Double(number) else { return nil }
            switch character {
            case "h": total += value * 3600
            case "m": total += value * 60
            case "s": total += value
            default: return nil
            }
            number = ""
        }
        if !number.isEmpty {
            guard let value = Double(number) else { return nil }
            total += value  // a bare number is seconds
        }
        guard !trimmed.isEmpty else { return nil }
        return .offset(ms: Int64((total * 1000).rounded()))
    }

    /// The moment as milliseconds from `startMs`.
    func offsetMs(from startMs: Int64) -> Int64 {
        switch kind {
        case .offset(let ms): return ms
        case .absolute(let ms): return ms - startMs
        }
    }

    static var defaultValueDescription: String { "offset from the start (12:30, 90s) or an ISO-8601 time" }
}
