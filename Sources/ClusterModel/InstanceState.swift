/// What an engine instance is doing, as far as its metrics tell.
///
/// - `loading`: the target answers but exposes no serving metrics yet (weights still loading), or its
///   counters are all zero and it has never been seen serving.
/// - `ready`: serving metrics are present.
/// - `unreachable`: the last scrape of its target failed.
/// - `restarted`: the engine process restarted within the rate window: a counter went down (also across a gap
///   in the scrapes: killed and started again while the target did not answer) or its process start time
///   changed; the flag stays until the window that holds the restart has passed.
package enum InstanceState: String, Sendable, Hashable, Codable, CaseIterable {
    case loading, ready, unreachable, restarted

    /// The word a table cell shows.
    package var label: String {
        switch self {
        case .loading: return "loading"
        case .ready: return "ready"
        case .unreachable: return "down"
        case .restarted: return "restarted"
        }
    }
}
