/// Where values turn from ok to warn to critical: one place, so every panel and test agrees.
public enum Thresholds {
    /// VRAM used / total: warn above 85 %, critical above 95 %.
    public static func vram(_ fraction: Double?) -> StyleRole { level(fraction, warn: 0.85, critical: 0.95) }
    /// KV-cache use: warn above 80 %, critical above 95 % (preemptions follow).
    public static func kvCache(_ fraction: Double?) -> StyleRole { level(fraction, warn: 0.80, critical: 0.95) }
    /// GPU temperature in °C: warn from 80, critical from 90.
    public static func temperature(_ celsius: Double?) -> StyleRole { level(celsius, warn: 80, critical: 90) }
    /// Power draw against the limit: warn above 90 %, critical above 98 %.
    public static func power(_ watts: Double?, limit: Double?) -> StyleRole {
        guard let watts, let limit, limit > 0 else { return .text }
        return level(watts / limit, warn: 0.90, critical: 0.98)
    }
    /// Requests waiting: any queue is a warning, a queue longer than the running batch is critical.
    public static func queue(waiting: Double?, running: Double?) -> StyleRole {
        guard let waiting, waiting > 0 else { return .text }
        return waiting > max(1, running ?? 0) ? .critical : .warn
    }

    private static func level(_ value: Double?, warn: Double, critical: Double) -> StyleRole {
        guard let value, value.isFinite else { return .muted }
        return value > critical ? .critical : (value > warn ? .warn : .ok)
    }
}
