import Foundation
import Harness
import TestSupport

/// Pages from the shared, deterministic cluster generator (`shared/bench/gen_exposition.py`) for the model's
/// tests, in the sizes they use.
enum GeneratedPages {
    /// The copy in `Tests/Fixtures/bench` (see its README).
    static let script = Fixtures.root.appendingPathComponent("bench/gen_exposition.py")

    /// The page of snapshot `tick`, `interval` seconds per tick.
    static func page(
        nodes: Int = 2, gpus: Int = 4, vllmPerNode: Int = 2, tick: Int, interval: Double = 1,
        extra: [String] = []
    ) throws -> [UInt8] {
        try ClusterGenerator.page(
            script: script.path,
            arguments: [
                "--nodes", String(nodes), "--gpus", String(gpus), "--vllm-per-node", String(vllmPerNode),
                "--tick", String(tick), "--interval", String(interval),
            ] + extra)
    }
}
