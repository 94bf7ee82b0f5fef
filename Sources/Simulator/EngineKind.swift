/// Which inference server an instance impersonates: it decides the metric names its page is written with.
package enum EngineKind: String, Sendable, Hashable, CaseIterable {
    case vllm
    case sglang
}
