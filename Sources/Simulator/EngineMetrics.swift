/// The counters and histograms one engine process has accumulated since it started.
///
/// A restart makes a new `EngineMetrics`: counters start again from zero, as they do for a real process.
struct EngineMetrics: Sendable {
    /// `finished_reason` values vLLM pre-creates, in its order.
    static let finishedReasons = ["stop", "length", "abort", "error", "repetition"]

    var promptTokens: Double = 0
    var generationTokens: Double = 0
    var promptTokensComputed: Double = 0
    var promptTokensCacheHit: Double = 0
    var prefixQueries: Double = 0
    var prefixHits: Double = 0
    var preemptions: Double = 0
    var requestsFinished: Double = 0
    var finished: [Double] = Array(repeating: 0, count: EngineMetrics.finishedReasons.count)

    var timeToFirstToken: BucketHistogram
    var interTokenLatency: BucketHistogram
    var timePerOutputToken: BucketHistogram
    var endToEnd: BucketHistogram
    var queueTime: BucketHistogram
    var inferenceTime: BucketHistogram
    var prefillTime: BucketHistogram
    var decodeTime: BucketHistogram
    var requestPromptTokens: BucketHistogram
    var requestGenerationTokens: BucketHistogram
    var iterationTokens: BucketHistogram

    init(engine: EngineKind, maxModelLen: Int) {
        let tokens = BucketHistogram.oneTwoFive(upTo: maxModelLen)
        switch engine {
        case .vllm:
            timeToFirstToken = BucketHistogram(bounds: [
                0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5,
                0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0,
                640.0, 2560.0,
            ])
            interTokenLatency = BucketHistogram(bounds: Self.vllmTokenLatency)
            endToEnd = BucketHistogram(bounds: Self.vllmRequestLatency)
        case .sglang:
            timeToFirstToken = BucketHistogram(bounds: [
                0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80,
                100, 200, 400,
            ])
            interTokenLatency = BucketHistogram(bounds: [
                0.002, 0.004, 0.006, 0.008, 0.010, 0.015, 0.020, 0.025,
                0.030, 0.035, 0.040, 0.060, 0.080, 0.100, 0.200, 0.400,
                0.600, 0.800, 1.0, 2.0, 4.0, 6.0, 8.0,
            ])
            endToEnd = BucketHistogram(bounds: [
                0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100,
                200, 400, 600, 1200, 1800, 2400,
            ])
        }
        timePerOutputToken = BucketHistogram(bounds: Self.vllmTokenLatency)
        queueTime = BucketHistogram(bounds: Self.vllmRequestLatency)
        inferenceTime = BucketHistogram(bounds: Self.vllmRequestLatency)
        prefillTime = BucketHistogram(bounds: Self.vllmRequestLatency)
        decodeTime = BucketHistogram(bounds: Self.vllmRequestLatency)
        requestPromptTokens = BucketHistogram(bounds: tokens)
        requestGenerationTokens = BucketHistogram(bounds: tokens)
        iterationTokens = BucketHistogram(bounds: [1, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384])
    }

    var allHistograms: [BucketHistogram] {
        [
            timeToFirstToken, interTokenLatency, timePerOutputToken, endToEnd, queueTime, inferenceTime, prefillTime,
            decodeTime, requestPromptTokens, requestGenerationTokens, iterationTokens,
        ]
    }

    /// vLLM's inter-token and per-request time-per-output-token buckets.
    static let vllmTokenLatency: [Double] = [
        0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
        2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0,
    ]
    /// vLLM's `request_latency_buckets` (e2e, queue, inference, prefill, decode).
    static let vllmRequestLatency: [Double] = [
        0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0,
        50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0,
    ]
}
