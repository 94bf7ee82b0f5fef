import Foundation

/// A known load on a llama-server, driven and counted on the client side by `Tests/Scripts/llama_load.py`:
/// concurrent streaming completions, each with when it was sent and ended, when each piece arrived with the
/// running count of tokens, and the final answer's `tokens_predicted`, `tokens_evaluated` and `timings`. The
/// client's counts are the ground truth a test holds the server's metrics, and infertop's reading of them, to.
package struct LlamaLoad: Decodable, Sendable {
    /// One completion as the client saw it; times in seconds since 1970.
    package struct Request: Decodable, Sendable {
        package var sent: Double
        package var done: Double
        /// (arrival time, tokens generated so far).
        package var pieces: [[Double]]
        package var tokensPredicted: Int?
        package var tokensEvaluated: Int?
        package var timings: Timings?

        enum CodingKeys: String, CodingKey {
            case sent, done, pieces, timings
            case tokensPredicted = "tokens_predicted"
            case tokensEvaluated = "tokens_evaluated"
        }

        /// When the prompt had been processed: the first piece's arrival.
        package var firstTokenAt: Double? { pieces.first?[0] }
    }

    /// llama.cpp's own account of one request.
    package struct Timings: Decodable, Sendable {
        package var cacheN: Int
        package var promptN: Int
        package var promptMs: Double
        package var predictedN: Int
        package var predictedMs: Double

        enum CodingKeys: String, CodingKey {
            case cacheN = "cache_n", promptN = "prompt_n", promptMs = "prompt_ms"
            case predictedN = "predicted_n", predictedMs = "predicted_ms"
        }
    }

    package var requests: [Request]
    package var errors: [String]

    /// Runs the load against `url` with `clients` streams back to back for `seconds`, and waits (bounded) for its
    /// counts. Throws with the driver's output when it fails or a request failed.
    package static func run(
        against url: URL, clients: Int, seconds: Double, folder: URL,
        timeout: Duration = .seconds(300)
    ) async throws -> LlamaLoad {
        let process = try start(against: url, clients: clients, seconds: seconds, folder: folder)
        return try await process.finish(within: timeout)
    }

    /// The load driver while it runs.
    package struct Running {
        let process: Process
        let out: URL
        let log: URL

        /// Waits (bounded) for the driver to end and reads its counts.
        package func finish(within timeout: Duration) async throws -> LlamaLoad {
            let ended = await Polling.until(timeout: timeout, interval: .milliseconds(100)) { !process.isRunning }
            let output = ((try? String(contentsOf: log, encoding: .utf8)) ?? "").suffix(1_000)
            guard ended else {
                process.terminate()
                throw LlamaServerPeer.Failure("the load driver did not end within \(timeout): \(output)")
            }
            guard process.terminationStatus == 0, let data = try? Data(contentsOf: out) else {
                throw LlamaServerPeer.Failure("the load driver failed (status \(process.terminationStatus)): \(output)")
            }
            let load = try JSONDecoder().decode(LlamaLoad.self, from: data)
            guard load.errors.isEmpty else { throw LlamaServerPeer.Failure("requests failed: \(load.errors.prefix(3))") }
            return load
        }

        package var isRunning: Bool { process.isRunning }
    }

    /// Starts the driver; `finish` waits for it.
    package static func start(against url: URL, clients: Int, seconds: Double, folder: URL) throws -> Running {
        let script = Fixtures.repositoryRoot.appendingPathComponent("Tests/Scripts/llama_load.py").path
        let out = folder.appendingPathComponent("load-\(UUID().uuidString.prefix(8)).json")
        let log = folder.appendingPathComponent("load-\(UUID().uuidString.prefix(8)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script, url.absoluteString, out.path, "--clients", String(clients),
            "--duration", String(seconds),
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, log: log)
    }

    /// Tokens generated in (from, to], by the pieces' arrival.
    package func generatedTokens(from: Double, to: Double) -> Int {
        var total = 0
        for request in requests {
            var before = 0.0
            for piece in request.pieces {
                if piece[0] > from && piece[0] <= to { total += Int(piece[1] - before) }
                before = piece[1]
            }
        }
        return total
    }

    /// Prompt tokens processed in (from, to]: those of the requests whose first token arrived then.
    package func promptTokens(from: Double, to: Double) -> Int {
        requests.filter { ($0.firstTokenAt ?? 0) > from && ($0.firstTokenAt ?? 0) <= to }
            .reduce(0) { $0 + ($1.timings?.promptN ?? 0) }
    }

    /// Requests the server surely held for the whole of [from, to], whatever the delays between it and the
    /// clients: it had begun one before its first piece reached the client, and it worked on it at least as long
    /// as its own timings say, starting no earlier than the client sent it. (The client's send and end times alone
    /// do not bound the server's: under load a request waits in the socket before the server takes it.)
    package func openThroughout(from: Double, to: Double) -> Int {
        requests.filter { request in
            guard let first = request.firstTokenAt, let timings = request.timings else { return false }
            return first <= from && request.sent + (timings.promptMs + timings.predictedMs) / 1000 >= to
        }.count
    }

    /// Requests the clients had open at some moment of [from, to]: the most the server can have held then.
    package func openDuring(from: Double, to: Double) -> Int {
        requests.filter { $0.sent < to && $0.done > from }.count
    }

    /// llama.cpp's own mean time per output token over the requests that ended in (from, to]: generation time
    /// over decode steps (n − 1 tokens a request: the first comes with the prompt); nil when none ended.
    package func meanTimePerOutputToken(from: Double = -.infinity, to: Double = .infinity) -> Double? {
        let ended = requests.filter { $0.done > from && $0.done <= to }.compactMap(\.timings)
        let steps = ended.reduce(0) { $0 + max($1.predictedN - 1, 0) }
        guard steps > 0 else { return nil }
        return ended.reduce(0) { $0 + $1.predictedMs } / 1000 / Double(steps)
    }

    /// The same time over all tokens (n a request): what the server's counters give.
    package var meanTimePerGeneratedToken: Double? {
        let all = requests.compactMap(\.timings)
        let tokens = all.reduce(0) { $0 + $1.predictedN }
        return tokens > 0 ? all.reduce(0) { $0 + $1.predictedMs } / 1000 / Double(tokens) : nil
    }

    package var totalPredicted: Int { requests.reduce(0) { $0 + ($1.tokensPredicted ?? 0) } }
    package var totalPromptProcessed: Int { requests.reduce(0) { $0 + ($1.timings?.promptN ?? 0) } }
    package var totalPromptCached: Int { requests.reduce(0) { $0 + ($1.timings?.cacheN ?? 0) } }
}
