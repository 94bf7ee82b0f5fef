/// Where a value turns from ok to warning to critical, in one place: the dashboard's colours, the heatmap's top
/// buckets and the alert rules all ask it, so the same VRAM share is never yellow in one panel and fine in an
/// alert. The configuration's `thresholds:` section sets it (`vram_warn: 0.9`, …); the `alerts:` section can
/// still move one rule on its own.
package struct ThresholdPolicy: Sendable, Hashable, Codable {
    /// A value above `warn` is a warning, above `critical` critical (both strictly, as the alert rules compare).
    package struct Level: Sendable, Hashable, Codable {
        package var warn: Double
        package var critical: Double

        package init(warn: Double, critical: Double) {
            self.warn = warn
            self.critical = max(warn, critical)
        }
    }

    /// What a value says against its level.
    package enum Verdict: Sendable, Hashable {
        case unknown, ok, warn, critical
    }

    /// VRAM used / total (vLLM reserves 90 % by design, so a warning starts above that).
    package var vram: Level
    /// KV-cache use of an instance (preemptions follow a full cache).
    package var kvCache: Level
    /// GPU temperature in °C.
    package var temperature: Level
    /// Power draw / the GPU's power limit.
    package var power: Level

    package init(
        vram: Level = Level(warn: 0.95, critical: 0.99), kvCache: Level = Level(warn: 0.90, critical: 0.98),
        temperature: Level = Level(warn: 85, critical: 90), power: Level = Level(warn: 0.90, critical: 0.98)
    ) {
        self.vram = vram
        self.kvCache = kvCache
        self.temperature = temperature
        self.power = power
    }

    package static let `default` = ThresholdPolicy()

    /// The verdict on `value` (NaN and absent: unknown).
    package static func verdict(_ value: Double?, _ level: Level) -> Verdict {
        guard let value, value.isFinite else { return .unknown }
        return value > level.critical ? .critical : value > level.warn ? .warn : .ok
    }

    /// A `thresholds:` key that names no level, or a value outside what it can mean.
    package struct Problem: Error, Sendable, Equatable {
        package var key: String
        package var message: String
    }

    /// The keys of `thresholds:`: each level's `_warn` and `_critical`, with the values they accept.
    package static var keys: [(name: String, path: WritableKeyPath<ThresholdPolicy, Level>, range: ClosedRange<Double>)] {
        [("vram", \.vram, 0...1), ("kv", \.kvCache, 0...1), ("temp", \.temperature, 0...150), ("power", \.power, 0...2)]
    }

    /// The defaults with `values` (`vram_warn: 0.9`, …) applied; a key that names no level, a value out of its
    /// range, or a warning above its critical level is a problem naming the key.
    package func applying(_ values: [String: Double]) throws(Problem) -> ThresholdPolicy {
        var policy = self
        let known = Self.keys.flatMap { [$0.name + "_warn", $0.name + "_critical"] }
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let entry = Self.keys.first(where: { key == $0.name + "_warn" || key == $0.name + "_critical" }) else {
                throw Problem(key: key, message: "no such threshold; expected one of: " + known.joined(separator: ", "))
            }
            guard value.isFinite, entry.range.contains(value) else {
                throw Problem(
                    key: key,
                    message: "\(value) is out of range; expected \(entry.range.lowerBound) to "
                        + "\(entry.range.upperBound)")
            }
            if key.hasSuffix("_warn") {
                policy[keyPath: entry.path].warn = value
            } else {
                policy[keyPath: entry.path].critical = value
            }
        }
        for entry in Self.keys where policy[keyPath: entry.path].warn > policy[keyPath: entry.path].critical {
            let level = policy[keyPath: entry.path]
            throw Problem(
                key: entry.name + "_warn",
                message: "\(level.warn) is above \(entry.name)_critical "
                    + "(\(level.critical)); a warning must come at or before critical")
        }
        return policy
    }
}
