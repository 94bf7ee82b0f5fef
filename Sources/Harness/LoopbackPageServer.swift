import Foundation
import Ingest
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 server on 127.0.0.1 that serves fixed pages, one port per page, for the scrape
/// benchmark: it lets `infertop-bench scrape` run hundreds of targets in-process with no dependency.
///
/// Blocking sockets, one thread per listener and per connection (keep-alive), fixed responses built once.
/// It counts the CPU time its own threads use, so the benchmark can report the scraper's share alone.
package final class LoopbackPageServer: Sendable {
    /// The port of each page, in the order given.
    package let ports: [Int]
    private let listeners: [Int32]
    /// Each port's response to its n-th request (a fixed page, pages in turn, or a page rendered on demand).
    private let responses: [@Sendable (Int) -> [UInt8]]
    private let cpuNanoseconds = Atomic<Int64>(0)
    private let requests = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    /// Opens one listening socket per page (ports chosen by the OS).
    package convenience init(pages: [[UInt8]]) throws {
        try self.init(variants: pages.map { [$0] })
    }

    /// Opens one listening socket per entry; each request to it gets the entry's next page, round the list.
    package convenience init(variants: [[[UInt8]]]) throws {
        try self.init(
            responders: variants.map { pages in
                let responses = pages.map(Self.response)
                return { turn in responses[turn % responses.count] }
            })
    }

    /// Opens one listening socket that serves `pages` in order, one per request, then the last one for every
    /// later request: a target whose successive scrapes are known, as a peer server's tests need.
    package convenience init(sequence pages: [[UInt8]]) throws {
        let responses = pages.map(Self.response)
        try self.init(responders: [{ turn in responses[min(turn, responses.count - 1)] }])
    }

    /// Opens one listening socket whose n-th request (from 0, across connections) gets `page(n)`: pages too many
    /// or too large to hold, such as an hour of a 10 MB page's successive values.
    package convenience init(page: @escaping @Sendable (Int) -> [UInt8]) throws {
        try self.init(responders: [{ turn in Self.response(page(turn)) }])
    }

    private init(responders: [@Sendable (Int) -> [UInt8]]) throws {
        var listeners: [Int32] = []
        var ports: [Int] = []
        for _ in responders {
            let (fd, port) = try Self.listen()
            listeners.append(fd)
            ports.append(port)
        }
        self.listeners = listeners
        self.ports = ports
        responses = responders
    }

    private static func response(_ page: [UInt8]) -> [UInt8] {
        Array(
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: \(page.count)\r\n\r\n"
                .utf8)
            + page
    }

    /// CPU seconds spent by the server's threads so far.
    package var cpuSeconds: Double { Double(cpuNanoseconds.load(ordering: .relaxed)) / 1e9 }

    /// Responses sent so far.
    package var requestCount: Int { requests.load(ordering: .relaxed) }

    /// Starts accepting connections.
    package func start() {
        for (index, fd) in listeners.enumerated() {
            let thread = Thread { [self] in acceptLoop(fd, response: responses[index]) }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    /// Stops accepting; open connections end when their clients close them.
    package func stop() {
        stopped.store(true, ordering: .relaxed)
        for fd in listeners {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
    }

    private func acceptLoop(_ listener: Int32, response: @escaping @Sendable (Int) -> [UInt8]) {
        while !stopped.load(ordering: .relaxed) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let thread = Thread { [self] in serve(connection, response: response) }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    /// Answers every request on one keep-alive connection with the next page, until the client closes it.
    private func serve(_ connection: Int32, response: @Sendable (Int) -> [UInt8]) {
        defer { close(connection) }
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        var pending: [UInt8] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            let started = Self.threadCPU()
            pending.append(contentsOf: buffer[0..<count])
            // One response per complete request head ("\r\n\r\n"); GET requests have no body.
            while let end = Self.headEnd(pending) {
                pending.removeFirst(end)
                let turn = requests.add(1, ordering: .relaxed).oldValue
                guard Self.sendAll(connection, response(turn)) else { return }
            }
            cpuNanoseconds.add(Self.threadCPU() - started, ordering: .relaxed)
        }
    }

    private static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13
            && bytes[index - 2] == 10 && bytes[index - 3] == 13
        {
            return index + 1
        }
        return nil
    }

    private static func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private static func threadCPU() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// A loopback port that was free a moment ago (bind port 0, read it, close), for a peer server to use.
    package static func freePort() throws -> Int {
        try freePorts(1)[0]
    }

    /// `count` loopback ports, each free a moment ago and none listened on now: a peer's ports, or targets that
    /// refuse connections. All are held until the last is bound: a port closed at once could be handed out
    /// again, and 200 picks then repeat one about every other run.
    package static func freePorts(_ count: Int) throws -> [Int] {
        var held: [Int32] = []
        defer { held.forEach { close($0) } }
        return try (0..<count).map { _ in
            let (fd, port) = try listen()
            held.append(fd)
            return port
        }
    }

    private static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ConfigurationError.invalidFlag("bench", message: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && Glibc.listen(fd, 512) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else {
            close(fd)
            throw ConfigurationError.invalidFlag("bench", message: "cannot listen on 127.0.0.1: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
