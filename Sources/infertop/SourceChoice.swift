import ArgumentParser
import Ingest
import Pipeline
import Simulator

/// Picks the source a command reads from its arguments: a Prometheus server, targets, or the simulator.
enum SourceChoice {
    static func make(
        source: SourceOptions, configuration: IngestConfiguration,
        simulator: SimulationOptions
    ) throws -> any ClusterSource {
        if let prometheus = configuration.prometheus {
            return PrometheusQuerySource(
                settings: prometheus, configuration: configuration,
                windowMs: configuration.modelConfiguration.rateWindowMs)
        }
        if !configuration.targets.isEmpty || !configuration.fileSDPaths.isEmpty {
            return ScrapeSource(configuration: configuration)
        }
        return SimulatorSource(options: simulator, intervalMs: Int64(max(configuration.intervalSeconds, 0.05) * 1000))
    }
}
