/// The store's memory by part, for the benchmark and for a status line.
public struct StoreMemory: Sendable, Hashable {
    /// Series records (identity and bookkeeping).
    public var records = 0
    /// The raw slots of the newest scrapes of every series (`RecentSlab`).
    public var recentSlots = 0
    /// Compressed blocks as allocated, and the part of it that holds data.
    public var blocks = 0
    public var blockPayload = 0
    /// Interned label sets and strings.
    public var labels = 0
    /// Per-target scrape times and indexes.
    public var targets = 0

    public var total: Int { records + recentSlots + blocks + labels + targets }
}
