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
        let (scraper, inbox) = try Scraper.inbox(configuration: configuration)
        await scraper.start()
        let interval = Duration.milliseconds(Int64(max(configuration.intervalSeconds, 0.05) * 1000))
        // Once an interval: whatever arrived goes into the store together, then a frame is taken.
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { break }
            let (results, dropped) = inbox.take()
            await driver.deliver(results)
            await driver.report(
                dropped == 0
                    ? nil
                    : SourceHealth(warnings: [
                        "\(dropped) scrape results were dropped unread: the dashboard fell behind its targets; "
                            + "give it fewer targets or a longer --interval"
                    ]))
            await driver.publish()
        }
        await scraper.stop()
    }
}
