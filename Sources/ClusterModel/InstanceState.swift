/// What an engine instance is doing, as far as its metrics tell.
///
/// - `loading`: the target answers but exposes no serving metrics yet (weights still loading), or its
///   counters are all zero and it has never been seen serving.
/// - `ready`: serving metrics are present.
/// - `unreachable`: the last scrape of its target failed.
/// - `restarted`: a counter went down since the previous scrape (the engine process restarted); the flag
///   stays until the window that held the reset has passed.
public enum InstanceState: String, Sendable, Hashable, Codable, CaseIterable {
    case loading, ready, unreachable, restarted

    /// The word a table cell shows.
    public var label: String {
        switch self {
        case .loading: return "loading"
        case .ready: return "ready"
        case .unreachable: return "down"
        case .restarted: return "restarted"
        }
    }
}
