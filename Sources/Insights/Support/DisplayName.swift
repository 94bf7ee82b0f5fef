import ClusterModel

/// Short names for targets and engine instances on screen. An instance id is its target URL, its instance label
/// and its engine and model joined by `|` (`sim://node-00/vllm-0|vllm|meta-llama/Llama-3.1-8B-Instruct`): unique,
/// but too long for a breadcrumb or an alert strip, and the engine and model have their own columns there.
public enum DisplayName {
    /// The target without its scheme and without a trailing `/metrics`: `sim://node-00/vllm-0` → `node-00/vllm-0`,
    /// `http://10.0.0.5:8000/metrics` → `10.0.0.5:8000`.
    public static func target(_ target: String) -> String {
        var name = Substring(target)
        if let scheme = name.firstRange(of: "://") { name = name[scheme.upperBound...] }
        if name.hasSuffix("/metrics") { name = name.dropLast("/metrics".count) }
        return name.isEmpty ? target : String(name)
    }

    /// An instance's short target, plus the instance label the page gave it when there is one (several
    /// instances behind one target); the engine and model parts of the id are left out.
    public static func instance(id: String) -> String {
        let parts = id.split(separator: "|", omittingEmptySubsequences: false)
        guard let first = parts.first else { return id }
        let name = target(String(first))
        if parts.count >= 3, EngineKind(rawValue: String(parts[1])) == nil, !parts[1].isEmpty {
            return name + " " + parts[1]
        }
        return name
    }

    /// The last path component of a model name: `meta-llama/Llama-3.1-8B-Instruct` → `Llama-3.1-8B-Instruct`.
    public static func model(_ model: String) -> String {
        model.split(separator: "/").last.map(String.init) ?? model
    }
}
