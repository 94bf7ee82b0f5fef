import Foundation
import Testing
@testable import Ingest

/// Issue 14, class 5: a refused connection is an answer, not something to wait out. A round over many targets
/// that refuse ends about as soon as they all refused, not after one timeout per batch of the pool.
@Suite struct DownTargetsTests {
    /// Ports that were bound on 127.0.0.1 and closed again, so nothing listens on them. All are held until
    /// the last is bound: a port closed at once could be handed out again, and 200 picks then repeat one
    /// about every other run.
    static func closedPorts(_ count: Int) -> [Int] {
        var held: [Int32] = []
        defer { held.forEach { close($0) } }
        return (0..<count).compactMap { _ in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            held.append(fd)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
                }
            }
            return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
        }
    }

    @Test func refusingTargetsDoNotHoldTheirSlotUntilTheTimeout() async throws {
        var configuration = IngestConfiguration()
        configuration.targets = try Self.closedPorts(200).map { try ScrapeTarget(address: "127.0.0.1:\($0)") }
        configuration.timeoutSeconds = 20
        configuration.concurrency = 8
        let round = try ScrapeRound(configuration: configuration)
        let clock = ContinuousClock()
        let started = clock.now
        let results = await round.read()
        let elapsed = clock.now - started
        await round.shutdown()
        #expect(results.count == 200)
        #expect(results.allSatisfy { $0.error?.contains("refused") == true })
        // Waiting out the timeout would take 200 / 8 × 20 s; refusals answer at once (a bound, not a timing).
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }
}
