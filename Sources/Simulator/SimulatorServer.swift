import Hummingbird
import Logging
import NIOCore
import Synchronization

/// Serves a `SimulationHost` over HTTP with Hummingbird: every target at its path, `/targets.json` for
/// Prometheus file_sd, `/` as an index. A target that does not answer in the scenario gets a 503.
package struct SimulatorServer: Sendable {
    package let host: SimulationHost
    package let bindHost: String
    package let port: Int

    package init(host: SimulationHost, bindHost: String = "127.0.0.1", port: Int = 9400) {
        self.host = host
        self.bindHost = bindHost
        self.port = port
    }

    /// Runs until cancelled (or, with `handleSignals`, until SIGINT/SIGTERM), calling `onBound` with the
    /// address the OS gave (port 0 picks a free one). A ticker advances the simulation once a second so
    /// that time moves between scrapes.
    package func run(handleSignals: Bool = false, onBound: @escaping @Sendable (String, Int) async -> Void) async throws {
        let simulation = host
        let boundAddress = Mutex<String>("\(bindHost):\(port)")
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let reply = simulation.reply(path: request.uri.path, address: boundAddress.withLock { $0 })
            var headers = HTTPFields()
            headers[.contentType] = reply.contentType
            return Response(
                status: .init(code: reply.status), headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
        }
        var logger = Logger(label: "infertop.sim")
        logger.logLevel = .warning
        let bindHost = self.bindHost
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(bindHost, port: port), serverName: "infertop-sim"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                boundAddress.withLock { $0 = "\(bindHost):\(port)" }
                await onBound(bindHost, port)
            },
            logger: logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                if handleSignals { try await app.runService() } else { try await app.run() }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    simulation.catchUp()
                }
            }
            // The server ending (signal or error) ends the ticker too.
            try await group.next()
            group.cancelAll()
        }
    }
}
