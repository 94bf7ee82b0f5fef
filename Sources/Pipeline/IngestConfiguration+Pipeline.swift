import ClusterModel
import Ingest
import Insights
import MetricStore

extension IngestConfiguration {
    /// The history kept when the configuration sets no `retention.duration`: 15 minutes.
    package static let defaultRetentionSeconds = 15.0 * 60

    /// The store's bounds from the configuration: retention (default 15 minutes) at the scrape interval.
    package var storeConfiguration: StoreConfiguration {
        let intervalMs = Int64(max(intervalSeconds, 0.05) * 1000)
        var retentionMs = Int64((retentionSeconds ?? Self.defaultRetentionSeconds) * 1000)
        if let points = retentionPoints { retentionMs = min(retentionMs, Int64(points) * intervalMs) }
        return StoreConfiguration(
            retentionMs: max(retentionMs, 2 * intervalMs), scrapeIntervalMs: intervalMs,
            maxSeries: maxSeries ?? StoreConfiguration.defaultMaxSeries)
    }

    /// The cluster model's settings: the explicit node map of the configuration wins over host labels; a
    /// target's pod joins it to the GPUs DCGM reports for that pod.
    package var modelConfiguration: ModelConfiguration {
        var nodes = nodeMap
        var pods: [String: PodReference] = [:]
        // `instance_gpus` keys are written as the user knows the target: `host:port` names the same target as
        // its full URL, so each key is also read as an address.
        var gpus: [String: [String]] = [:]
        for (key, list) in instanceGPUs {
            gpus[key] = list
            if let id = try? ScrapeTarget(address: key).id { gpus[id] = list }
        }
        for target in targets {
            if let node = node(of: target) { nodes[target.id] = node }
            if let pod = target.pod {
                pods[target.id] = PodReference(namespace: target.namespace, name: pod, container: target.container)
            }
            if !target.gpus.isEmpty { gpus[target.id] = target.gpus }
        }
        // A screen that starts shows true rates from its second scrape on, not Prometheus' ramp over the window.
        return ModelConfiguration(targetNodes: nodes, instanceGPUs: gpus, targetPods: pods, shortensYoungWindows: true)
    }
}

extension IngestConfiguration {
    /// The alert rules: the defaults moved to the `thresholds:` section's levels (which the dashboard's colours and
    /// heatmap share), then the `alerts:` section applied. A value either refuses is reported like the loader's own
    /// errors, with the file (`file`), the key and its line.
    package func alertConfiguration(file: String) throws(ConfigurationError) -> AlertRuleConfiguration {
        let policy: ThresholdPolicy
        do {
            policy = try ThresholdPolicy.default.applying(thresholds)
        } catch {
            throw .invalidValue(file: file, key: "thresholds." + error.key, line: nil, message: error.message)
        }
        do {
            return try AlertRuleConfiguration.default.applying(thresholds: policy)
                .applying(rules: alertRules, parameters: alertParameters)
        } catch {
            throw .invalidValue(file: file, key: error.key, line: alertLines[error.key], message: error.message)
        }
    }
}
