import ArgumentParser
import Foundation
import Simulator

/// `infertop sim --serve HOST:PORT`: serves the simulation until Ctrl-C.
struct SimServe {
    let address: String
    let sdFile: String?
    let simulator: ClusterSimulator

    func run() async throws {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else {
            throw ValidationError("--serve wants HOST:PORT (e.g. 127.0.0.1:9400 or 127.0.0.1:0), got \(address)")
        }
        let bindHost = String(address[..<colon])
        let host = SimulationHost(simulator: simulator)
        let server = SimulatorServer(host: host, bindHost: bindHost, port: port)
        let description = simulator.scenarioDescription
        let targets = simulator.targets
        let sdFile = self.sdFile
        try await server.run(handleSignals: true) { boundHost, boundPort in
            let bound = "\(boundHost):\(boundPort)"
            Self.say("infertop sim: serving \(targets.count) targets on http://\(bound)/ (file_sd at /targets.json)")
            Self.say(description)
            if let sdFile {
                do {
                    try Data(FileSD.json(targets: targets, address: bound)).write(to: URL(fileURLWithPath: sdFile))
                    Self.say("wrote file_sd listing to \(sdFile)")
                } catch {
                    Self.say("infertop sim: cannot write --sd-file \(sdFile): \(error.localizedDescription)")
                }
            }
        }
        Self.say("infertop sim: stopped")
    }

    /// Writes a line straight to stdout: a script waiting for the bound address must see it at once.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
