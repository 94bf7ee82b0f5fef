import Foundation

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real llama.cpp `llama-server` on 127.0.0.1, on CPU, serving a tiny random-weight model made for the test:
/// the engine peer that says what llama.cpp's metrics are under a load the test counts itself.
///
/// The server is built once into a cache outside the checkout by `scripts/setup.sh --tests` (`scripts/llama-server.sh`);
/// `binary` only looks there, so a test never starts that build.
package final class LlamaServerPeer {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
        package init(_ description: String) { self.description = description }
    }

    /// The cached server's path, or nil when `scripts/setup.sh --tests` has not built it.
    package static let binary: String? = {
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/llama-server.sh")
        guard let output = try? run(script.path, ["--cached"]), output.status == 0 else { return nil }
        let path = output.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }()

    /// Why the llama.cpp end-to-end tests do not run here, for `.enabled(if:)`.
    package static let absentReason = """
        no cached llama-server: run scripts/setup.sh --tests (it builds one into ~/.cache/infertop/llama.cpp, 10-15 \
        minutes once); .ci/run does
        """

    /// Writes a tiny llama-architecture model (`Tests/Scripts/make_tiny_gguf.py`, about 4 MB, a second) into
    /// `folder`; 256-wide and 2 layers deep it generates several hundred tokens a second on one busy core.
    package static func makeModel(in folder: URL, name: String = "tiny.gguf") throws -> URL {
        let tool = Fixtures.repositoryRoot.appendingPathComponent("Tests/Scripts/make_tiny_gguf.py").path
        let model = folder.appendingPathComponent(name)
        let output = try run(
            "/usr/bin/env",
            [
                "python3", tool, model.path, "--embd", "256", "--layers", "2",
                "--heads", "4", "--ctx", "1024",
            ])
        guard output.status == 0 else {
            throw Failure(
                "make_tiny_gguf.py failed (python3 needs gguf and numpy: scripts/setup.sh --tests installs them): "
                    + output.text.suffix(600))
        }
        return model
    }

    package let log: URL
    private let process: Process
    /// The port it listens on, known once `ready` returned.
    package private(set) var port: Int

    /// Starts the server on `model`, named `alias` in its API, with `slots` parallel slots, on `port` (0: one
    /// the OS picks). One thread: on a loaded 2-core machine ggml's spinning thread barrier otherwise costs
    /// a hundredfold (measured: 0.8 instead of 300 tokens a second per slot at a load average of 20).
    package init(model: URL, alias: String, folder: URL, port: Int = 0, slots: Int = 4) throws {
        guard let binary = Self.binary else { throw Failure(Self.absentReason) }
        log = folder.appendingPathComponent("llama-server-\(UUID().uuidString.prefix(8)).log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
            throw Failure("cannot create \(log.path)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "-m", model.path, "--alias", alias, "--host", "127.0.0.1", "--port", String(port),
            "--metrics", "-np", String(slots), "-c", String(1024 * slots), "-t", "1", "-tb", "1",
        ]
        // Its output in a file, never the test runner's pipes (a server outliving a crashed runner would hold them).
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        self.port = port
        try process.run()
    }

    deinit { stop() }

    /// Waits (bounded) until the server listens and its model is loaded; returns its base URL.
    @discardableResult
    package func ready(within timeout: Duration = .seconds(120)) async throws -> URL {
        let listening = await Polling.until(timeout: timeout, interval: .milliseconds(100)) {
            if let found = self.listeningPort() { self.port = found }
            return self.port != 0 || !self.process.isRunning
        }
        guard listening, process.isRunning else {
            throw Failure("llama-server did not start listening within \(timeout): \(tail)")
        }
        let url = baseURL
        let healthy = await Polling.until(timeout: timeout, interval: .milliseconds(100)) {
            guard let (_, response) = try? await URLSession.shared.data(from: url.appendingPathComponent("health")) else {
                return false
            }
            return (response as? HTTPURLResponse)?.statusCode == 200
        }
        guard healthy else { throw Failure("llama-server on port \(port) did not become healthy within \(timeout): \(tail)") }
        return url
    }

    package var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }
    package var metricsURL: URL { baseURL.appendingPathComponent("metrics") }
    package var isRunning: Bool { process.isRunning }

    /// Ends the server at once, as a crash would (SIGKILL: the test process's children inherit a signal mask
    /// that blocks SIGTERM), and waits for it.
    package func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// The end of its log, for a failure message.
    package var tail: String {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(1_500).description
    }

    /// The port in the log's "listening on http://127.0.0.1:PORT" line.
    private func listeningPort() -> Int? {
        guard let text = try? String(contentsOf: log, encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.contains("listening on http://127.0.0.1:") }),
            let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
        else { return nil }
        return port
    }

    /// Runs a short command to its end; its stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("infertop-run-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try? handle.close()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
