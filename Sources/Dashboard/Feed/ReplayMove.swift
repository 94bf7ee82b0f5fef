/// What the replay keys ask of a replay: step, change speed, jump.
package enum ReplayMove: Sendable, Hashable {
    /// One scrape forward or back (→ ←).
    case stepForward, stepBackward
    /// Twice or half as fast (] [), between 0.25× and 64×.
    case faster, slower
    /// The first or last moment (Home End).
    case start, end
    /// A moment given as milliseconds from the start of the recording (g).
    case seek(offsetMs: Int64)
}
