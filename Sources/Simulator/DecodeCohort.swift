/// The running requests that only decode, kept as one group so that a step costs the same for a batch of 4 or
/// of 256: the first `count` requests of the engine's `running` list, each of which gets one token a step.
/// A step moves the group's `clock` instead of touching each member: a member's fields are as of the clock it
/// joined at (`SimRequest.cohortBase`) and are brought up to date (`caughtUp`) only when it leaves, retires or
/// the group dissolves before a step it cannot take as a whole (one that preempts or runs out of token budget).
struct DecodeCohort: Sendable {
    /// How many of `running`'s first requests are members.
    var count = 0
    /// Decode steps the group has taken.
    var clock = 0
    /// When the group last got its tokens: each member's `lastTokenMs` once the clock has passed its base.
    var lastTokenMs = 0.0
    /// The members' computed tokens, summed: their share of a step's attention context.
    var computedTokens = 0
    /// Members counted by their computed tokens less their base, modulo the block size: at clock `c` the members
    /// in `residues[slot(c)]` have filled their last KV block, and the step needs a new block for each.
    var residues = [Int](repeating: 0, count: EngineInstance.blockSize)
    /// The soonest clock at which a member has all its tokens; `Int.max` when there are none.
    var nextFinish = Int.max

    /// The KV blocks the members need to take `steps` more steps.
    func blocksNeeded(steps: Int) -> Int {
        var needed = 0
        for step in 0..<steps { needed += residues[Self.slot(clock + step)] }
        return needed
    }

    /// The residue class whose members fill a block at `clock`: computed − base + clock ≡ 0.
    static func slot(_ clock: Int) -> Int {
        let size = EngineInstance.blockSize
        return (size - clock % size) % size
    }

    static func residue(of request: SimRequest) -> Int {
        let size = EngineInstance.blockSize
        return ((request.computedTokens - request.cohortBase) % size + size) % size
    }

    /// Takes `request` in at the current clock (its fields up to date).
    mutating func enlist(_ request: inout SimRequest) {
        request.cohortBase = clock
        residues[Self.residue(of: request)] += 1
        computedTokens += request.computedTokens
        nextFinish = min(nextFinish, request.cohortFinish)
        count += 1
    }

    /// Lets `request` go (before it is retired); the caller recomputes `nextFinish`.
    mutating func release(_ request: SimRequest) {
        residues[Self.residue(of: request)] -= 1
        computedTokens -= caughtUp(request).computedTokens
        count -= 1
    }

    /// `steps` decode steps ending at `nowMs` taken by every member.
    mutating func advance(steps: Int, endingAtMs nowMs: Double) {
        guard count > 0 else { return }
        clock += steps
        computedTokens += steps * count
        lastTokenMs = nowMs
    }

    /// A member as it is now: one token computed and one generated for each step since it joined.
    func caughtUp(_ request: SimRequest) -> SimRequest {
        let steps = clock - request.cohortBase
        guard steps > 0 else { return request }
        var request = request
        request.computedTokens += steps
        request.generated += steps
        request.blocks = EngineInstance.blocks(for: request.computedTokens)
        request.lastTokenMs = lastTokenMs
        request.cohortBase = clock
        return request
    }
}
