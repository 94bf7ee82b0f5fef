/// The store's memory by part, for the benchmark and for a status line.
package struct StoreMemory: Sendable, Hashable {
    /// Series records (identity and bookkeeping).
    package var records = 0
    /// The raw slots of the newest scrapes of every series (`RecentSlab`).
    package var recentSlots = 0
    /// Compressed blocks as allocated, and the part of it that holds data.
    package var blocks = 0
    package var blockPayload = 0
    /// Interned label sets and strings.
    package var labels = 0
    /// Per-target scrape times and indexes.
    package var targets = 0

    package var total: Int { records + recentSlots + blocks + labels + targets }
}
