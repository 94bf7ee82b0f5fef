import Foundation
import Simulator

/// Writes a fast-forwarded run as a folder of pages: `FOLDER/<virtual ms since epoch>/<node>_<target>.prom`.
struct SimFastForward {
    let folder: String
    let durationMs: Int64
    let intervalMs: Int64

    func run(_ simulator: inout ClusterSimulator) throws {
        let files = FileManager.default
        let root = URL(fileURLWithPath: folder)
        try files.createDirectory(at: root, withIntermediateDirectories: true)
        var written = 0
        var bytes = 0
        var lastFolder: URL?
        var lastTime: Int64 = -1
        try simulator.fastForward(durationMs: durationMs, intervalMs: intervalMs) { scrape in
            if scrape.timeMs != lastTime {
                lastTime = scrape.timeMs
                let url = root.appendingPathComponent(String(scrape.timeMs))
                do {
                    try files.createDirectory(at: url, withIntermediateDirectories: true)
                } catch {
                    throw SimError("cannot create \(url.path): \(error.localizedDescription)")
                }
                lastFolder = url
            }
            guard let page = scrape.bytes, let lastFolder else { return }
            let file = lastFolder.appendingPathComponent(scrape.target.slug + ".prom")
            do {
                try Data(page).write(to: file)
            } catch {
                throw SimError("cannot write \(file.path): \(error.localizedDescription)")
            }
            written += 1
            bytes += page.count
        }
        print("wrote \(written) pages (\(bytes / 1024) KiB) for \(simulator.targets.count) targets to \(root.path)")
    }
}
