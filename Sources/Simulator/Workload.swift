#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The traffic a scenario sends: how much (a load curve over virtual time) and what (length distributions).
///
/// Load is a fraction of the estimated capacity of every instance planned for a model, so a scenario means
/// the same thing on 2 nodes and on 64: `1.0` is about as much as the planned fleet can sustain.
package struct Workload: Sendable {
    /// Median and log-normal shape of prompt lengths, tokens.
    package var promptMedian: Double
    package var promptSigma: Double
    /// Median and shape of the output the client wants; longer than `maxTokens` ends with reason `length`.
    package var outputMedian: Double
    package var outputSigma: Double
    package var maxTokens: Int
    /// Share of requests that start with one of `prefixGroups` shared system prompts of `prefixTokens` tokens.
    package var prefixShare: Double
    package var prefixGroups: Int
    package var prefixTokens: Int
    /// Load as a fraction of capacity at a virtual time (ms since the scenario started).
    package var load: @Sendable (Int64) -> Double

    /// The mean of a log-normal with this median and shape (used to size capacity).
    static func mean(median: Double, sigma: Double) -> Double { median * exp(sigma * sigma / 2) }

    var meanPrompt: Double { Self.mean(median: promptMedian, sigma: promptSigma) }
    var meanOutput: Double { min(Double(maxTokens), Self.mean(median: outputMedian, sigma: outputSigma)) }

    /// A chat-like mix: a few hundred tokens in, a couple of hundred out, 40 % behind a shared system prompt.
    static func chat(load: @escaping @Sendable (Int64) -> Double) -> Workload {
        Workload(
            promptMedian: 600, promptSigma: 0.9, outputMedian: 180, outputSigma: 0.8, maxTokens: 1024,
            prefixShare: 0.4, prefixGroups: 4, prefixTokens: 512, load: load)
    }

    /// Long documents in, long answers out: what fills a KV cache.
    static func longContext(load: @escaping @Sendable (Int64) -> Double) -> Workload {
        Workload(
            promptMedian: 3500, promptSigma: 0.7, outputMedian: 600, outputSigma: 0.6, maxTokens: 2048,
            prefixShare: 0.2, prefixGroups: 2, prefixTokens: 1024, load: load)
    }
}
