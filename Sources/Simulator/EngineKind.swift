/// Which inference server an instance impersonates: it decides the metric names its page is written with.
public enum EngineKind: String, Sendable, Hashable, CaseIterable {
    case vllm
    case sglang
}
