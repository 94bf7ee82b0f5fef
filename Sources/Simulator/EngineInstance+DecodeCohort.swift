/// How requests enter and leave the decode cohort (`DecodeCohort`): the running requests after it join once
/// they only decode, and all of them leave when a step has to treat its requests one by one.
extension EngineInstance {
    /// Takes the running requests after the cohort into it, in order, while each only decodes and got its
    /// token in the step that just ended, so that its next token is one step away like every member's.
    mutating func joinCohort() {
        while keepsCohort && cohort.count < running.count {
            let next = running[cohort.count]
            guard next.generated > 0, next.pendingTokens == 1, next.lastTokenMs == clockMs else { return }
            cohort.enlist(&running[cohort.count])
        }
    }

    /// Takes every running request after the cohort in, whatever its last token's time: a decode run is about
    /// to give all of them their tokens at once (and the same `lastTokenMs`).
    mutating func enlistAllRunning() {
        while cohort.count < running.count { cohort.enlist(&running[cohort.count]) }
    }

    /// Brings every member up to date and empties the cohort, before a step that may preempt or run out of
    /// token budget among them.
    mutating func dissolveCohort() {
        for index in 0..<cohort.count { running[index] = cohort.caughtUp(running[index]) }
        cohort = DecodeCohort()
    }

    /// Whether the next step gives every member its token and preempts no one: the members fit the token
    /// budget, and the KV blocks they and the requests after them need are free.
    func cohortStepFits(budget: Int) -> Bool {
        guard cohort.count <= budget else { return false }
        var budget = budget - cohort.count
        var needed = cohort.blocksNeeded(steps: 1)
        var index = cohort.count
        while index < running.count && budget > 0 {
            let tokens = min(running[index].pendingTokens, budget)
            needed += running[index].blocksToCompute(tokens)
            budget -= tokens
            index += 1
        }
        return needed <= freeBlocks
    }
}
