import Foundation
import Synchronization
import TestSupport

@testable import Simulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A simulator served in-process on 127.0.0.1 with an OS-chosen port, for tests that scrape it over HTTP.
final class ServedSimulation: Sendable {
    let host: SimulationHost
    private let task: Task<Void, any Error>
    private let bound = BoundPort()

    init(_ options: SimulationOptions) async throws {
        let host = SimulationHost(simulator: ClusterSimulator(options: options))
        self.host = host
        let server = SimulatorServer(host: host, bindHost: "127.0.0.1", port: 0)
        let bound = self.bound
        task = Task { try await server.run { _, port in bound.port.withLock { $0 = port } } }
        // A generous bound: in the full suite other targets' tests can keep the concurrency pool busy.
        let started = await Polling.until(timeout: .seconds(120)) { bound.port.withLock { $0 } != nil }
        guard started else {
            task.cancel()
            throw ServedSimulationError("the simulator's HTTP server did not report a bound port within 120 s")
        }
    }

    var port: Int { bound.port.withLock { $0 } ?? 0 }
    var address: String { "127.0.0.1:\(port)" }

    /// GET `path`; returns the status code and body.
    func get(_ path: String) async throws -> (status: Int, body: [UInt8], contentType: String?) {
        let url = URL(string: "http://\(address)\(path)")!
        let (data, response) = try await URLSession.shared.data(from: url)
        let http = response as! HTTPURLResponse
        return (http.statusCode, [UInt8](data), http.value(forHTTPHeaderField: "Content-Type"))
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}

/// The port the server reports once bound, shared with its callback.
final class BoundPort: Sendable {
    let port = Mutex<Int?>(nil)
}

struct ServedSimulationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
