import Exposition
import Foundation

/// Where to ask the served model's name of a server whose metrics do not carry it: a side request to the
/// server's own API, made once per target and again after it restarts. A row per engine; an engine that names
/// its model in its labels (vLLM, SGLang, Triton, …) has none.
struct ModelNameSource: Sendable {
    /// The prefix of the server's metric names that identifies it on a page.
    var metricPrefix: String
    /// The path to ask, on the metrics URL's scheme, host and port.
    var path: String
    /// The name read out of the answer, or nil.
    var read: @Sendable (Any) -> String?

    /// llama.cpp's OpenAI-compatible `/v1/models` (`data[0].id`, or `models[0].name`), TGI's `/info`
    /// (`model_id`).
    static let all: [ModelNameSource] = [
        ModelNameSource(metricPrefix: "llamacpp:", path: "/v1/models") { json in
            let object = json as? [String: Any]
            let data = (object?["data"] as? [[String: Any]])?.first?["id"] as? String
            return data ?? (object?["models"] as? [[String: Any]])?.first?["name"] as? String
        },
        ModelNameSource(metricPrefix: "tgi_", path: "/info") { json in
            (json as? [String: Any])?["model_id"] as? String
        },
    ]

    /// The source for a page, when the page is one of these servers' and names no model in its labels.
    static func source(for page: ExpositionPage) -> ModelNameSource? {
        guard let source = all.first(where: { source in page.families.contains { $0.name.hasPrefix(source.metricPrefix) } })
        else { return nil }
        let named = page.families.contains { family in
            family.samples.contains { $0.labels["model"] != nil || $0.labels["model_name"] != nil }
        }
        return named ? nil : source
    }

    /// The URL to ask, next to `metricsURL`.
    func url(beside metricsURL: URL) -> URL? {
        guard var parts = URLComponents(url: metricsURL, resolvingAgainstBaseURL: false) else { return nil }
        parts.path = path
        parts.query = nil
        return parts.url
    }
}
