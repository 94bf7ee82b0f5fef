import Dashboard
import Ingest

/// Live HTTP (and file, stdin) targets as a source: the `Scraper` reads every target on its own schedule off
/// the drawing path; a frame is taken once per interval from whatever has arrived.
package struct ScrapeSource: ClusterSource {
    package let configuration: IngestConfiguration

    package init(configuration: IngestConfiguration) {
        self.configuration = configuration
    }

    package var description: String {
        let count = configuration.targets.count
        let listed = "\(count) target\(count == 1 ? "" : "s")"
        let sd = configuration.fileSDPaths.isEmpty ? listed : count == 0 ? "file_sd targets" : listed + " + file_sd"
        return sd + (configuration.skipsCertificateChecks ? " (TLS NOT VERIFIED)" : "")
    }

    package var intervalSeconds: Double? { configuration.intervalSeconds }

    package func run(driver: PipelineDriver, commands: AsyncStream<FeedCommand>?) async throws {
        let (scraper, results) = try Scraper.stream(configuration: configuration)
        await scraper.start()
        let interval = Duration.milliseconds(Int64(max(configuration.intervalSeconds, 0.05) * 1000))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await result in results { await driver.deliver([result]) }
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await Task.sleep(for: interval) } catch { return }
                    await driver.publish()
                }
            }
            await waitForCancellation()
            group.cancelAll()
        }
        await scraper.stop()
    }
}

/// Suspends until the current task is cancelled.
func waitForCancellation() async {
    while !Task.isCancelled {
        try? await Task.sleep(for: .seconds(3600))
    }
}
