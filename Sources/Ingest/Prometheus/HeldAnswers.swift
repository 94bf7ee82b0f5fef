/// What a `PrometheusSource` keeps of the server's answers between refreshes: per family, the values last
/// answered by identity, and per identity the scrape (`timestamp(up)`) they are from. A refresh asks only for
/// the identities scraped since (`changed`) and merges their answers in (`hold`); a family that fails keeps its
/// values for a while (`keepAfterFailure`); identities that leave the server's `up` are dropped (`keepOnly`).
struct HeldAnswers {
    /// One value of a family's answer: the series' labels and its value.
    typealias Value = (labels: [String: String], value: Double)

    /// One family's answer as held.
    private struct Family {
        /// By identity (`""` for series without one).
        var values: [String: [Value]]
        var lastGoodMs: Int64
        /// When the family was last asked for every identity at once.
        var fullAtMs: Int64
    }

    /// A family is asked for every identity at least this often, not only for the ones scraped since: that
    /// resynchronises series a question by identity cannot reach (series without an `up`).
    static let fullEveryMs: Int64 = 120_000

    private var families: [String: Family] = [:]
    /// Per identity, the scrape (ms) that the held values are from.
    private var answeredScrapeMs: [String: Int64] = [:]
    /// The identities in the last `up` answer.
    private var upKeys: Set<String> = []

    /// The identities of `scraped` (identity → its newest scrape, ms) with a scrape newer than what is held.
    func changed<Scrape>(_ scraped: [String: Scrape], ms: (Scrape) -> Int64) -> [String: Scrape] {
        scraped.filter { ms($0.value) > answeredScrapeMs[$0.key] ?? .min }
    }

    /// Whether `family` can be asked for only the identities scraped since: it was asked in full lately, and every
    /// identity it holds has an `up` (`scraped`) to tell its scrapes.
    func canAskByIdentity<Scrape>(_ family: String, scraped: [String: Scrape], nowMs: Int64) -> Bool {
        guard let held = families[family], nowMs &- held.fullAtMs < Self.fullEveryMs else { return false }
        return held.values.keys.allSatisfy { scraped[$0] != nil }
    }

    /// Keeps a family's answer: all of it for a full question; for a question by identity (`changed`), the
    /// identities in it replace theirs and the `changed` ones it lacks are dropped (their series are gone).
    mutating func hold(
        _ response: PrometheusResponse, family: String, identity: PrometheusIdentity, changed: Set<String>?, nowMs: Int64
    ) {
        var fresh: [String: [Value]] = [:]
        for series in response.series {
            guard let point = series.points.last else { continue }
            fresh[identity.key(series.labels) ?? "", default: []].append((series.labels, point.value))
        }
        if let changed, var held = families[family] {
            for gone in changed where fresh[gone] == nil { held.values[gone] = nil }
            held.values.merge(fresh) { $1 }
            held.lastGoodMs = nowMs
            families[family] = held
        } else {
            families[family] = Family(values: fresh, lastGoodMs: nowMs, fullAtMs: nowMs)
        }
    }

    /// After `family`'s query failed: how long ago its held answer was good when it is still shown (no older than
    /// `limitMs`), or nil when there is none any more (dropped when older).
    mutating func keepAfterFailure(_ family: String, nowMs: Int64, limitMs: Int64) -> Int64? {
        guard let held = families[family] else { return nil }
        guard nowMs - held.lastGoodMs <= limitMs else {
            families[family] = nil
            return nil
        }
        return nowMs - held.lastGoodMs
    }

    /// Every value held of `family`, identities in order; nil before its first answer.
    func values(of family: String) -> [Value]? {
        families[family].map { held in held.values.keys.sorted().flatMap { held.values[$0] ?? [] } }
    }

    /// The identities the server's `up` lists now: what is held of the others (targets removed) is dropped.
    mutating func keepOnly(_ keys: Set<String>) {
        let gone = upKeys.subtracting(keys)
        upKeys = keys
        guard !gone.isEmpty else { return }
        for name in families.keys {
            for key in gone { families[name]?.values[key] = nil }
        }
        for key in gone { answeredScrapeMs[key] = nil }
    }

    /// The identities asked for are answered up to these scrapes (identity → ms).
    mutating func answered(_ scrapes: [String: Int64]) {
        answeredScrapeMs.merge(scrapes) { $1 }
    }
}
