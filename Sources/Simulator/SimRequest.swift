/// One request inside an engine: its sizes, how far it has got, and the times its latencies come from.
struct SimRequest: Sendable {
    var arrivalMs: Double
    var promptTokens: Int
    /// Tokens it generates before it stops (already capped at `max_tokens`).
    var outputTokens: Int
    /// Whether it stops because it hit `max_tokens` (`finished_reason="length"`) rather than an end token.
    var stopsAtLength: Bool
    /// The shared system prompt it starts with, or -1.
    var prefixGroup: Int

    /// Tokens whose KV is computed (prompt, then each fed-back generated token); reset by a preemption.
    var computedTokens = 0
    var generated = 0
    var blocks = 0
    var cachedTokens = 0
    var firstScheduledMs = -1.0
    var firstTokenMs = -1.0
    var lastTokenMs = -1.0
    /// While it is in its engine's decode cohort: the cohort's clock when its fields were last brought up to
    /// date (see `DecodeCohort`).
    var cohortBase = 0

    init(arrivalMs: Double, promptTokens: Int, outputTokens: Int, stopsAtLength: Bool, prefixGroup: Int) {
        self.arrivalMs = arrivalMs
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
        self.stopsAtLength = stopsAtLength
        self.prefixGroup = prefixGroup
    }

    /// Tokens still to compute before the next token can be sampled (1 while decoding).
    var pendingTokens: Int { promptTokens + generated - computedTokens }

    /// The KV blocks it needs beyond those it holds to compute `tokens` more.
    func blocksToCompute(_ tokens: Int) -> Int { EngineInstance.blocks(for: computedTokens + tokens) - blocks }

    /// While it is in a decode cohort: the cohort's clock at which it has all its tokens (a token a step from its
    /// base, so the same whether or not its fields have been brought up to date).
    var cohortFinish: Int { cohortBase + outputTokens - generated }
}
