/// The inference server (or router) that exposes an engine instance's metrics; chosen by the dialect that
/// recognised the page's families.
package enum EngineKind: String, Sendable, Hashable, Codable, CaseIterable {
    case vllm, sglang, tgi, triton, tensorrtllm, llamacpp, dynamo, unknown

    /// The short name a table column shows.
    package var label: String {
        switch self {
        case .vllm: return "vLLM"
        case .sglang: return "SGLang"
        case .tgi: return "TGI"
        case .triton: return "Triton"
        case .tensorrtllm: return "TRT-LLM"
        case .llamacpp: return "llama.cpp"
        case .dynamo: return "Dynamo"
        case .unknown: return "?"
        }
    }
}
