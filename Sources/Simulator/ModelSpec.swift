/// A served model: enough of its architecture to size weights and KV cache and to cost a forward pass.
package struct ModelSpec: Sendable, Hashable {
    /// The served model name, as vLLM reports it in `model_name`.
    package let name: String
    /// Parameter count.
    package let parameters: Double
    /// KV-cache bytes per token over all layers: 2 (K and V) × layers × KV heads × head dim × 2 bytes (bf16).
    package let kvBytesPerToken: Double
    /// Longest context the instance accepts (`max_model_len`).
    package let maxModelLen: Int

    /// Weights in bf16.
    package var weightBytes: Double { parameters * 2 }

    package init(name: String, parameters: Double, layers: Int, kvHeads: Int, headDim: Int, maxModelLen: Int) {
        self.name = name
        self.parameters = parameters
        self.kvBytesPerToken = Double(2 * layers * kvHeads * headDim * 2)
        self.maxModelLen = maxModelLen
    }

    // Architectures from the models' published config.json files.
    package static let llama31_8B = ModelSpec(
        name: "meta-llama/Llama-3.1-8B-Instruct", parameters: 8.03e9,
        layers: 32, kvHeads: 8, headDim: 128, maxModelLen: 32768)
    package static let qwen25_32B = ModelSpec(
        name: "Qwen/Qwen2.5-32B-Instruct", parameters: 32.8e9,
        layers: 64, kvHeads: 8, headDim: 128, maxModelLen: 32768)
    package static let llama31_70B = ModelSpec(
        name: "meta-llama/Llama-3.1-70B-Instruct", parameters: 70.6e9,
        layers: 80, kvHeads: 8, headDim: 128, maxModelLen: 32768)
    package static let qwen25_7B = ModelSpec(
        name: "Qwen/Qwen2.5-7B-Instruct", parameters: 7.62e9,
        layers: 28, kvHeads: 4, headDim: 128, maxModelLen: 32768)
}
