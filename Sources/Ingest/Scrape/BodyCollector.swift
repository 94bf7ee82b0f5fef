import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Synchronization

/// Gathers one response on the client's event loop: the head is checked as it arrives (status, announced
/// length) and the body is appended into one array under the cap, so the waiting task is woken once, when the
/// whole page is there, instead of once per chunk of a streamed body.
final class BodyCollector: HTTPClientResponseDelegate {
    typealias Response = HTTPFetcher.Fetched

    private struct State {
        var status = 0
        var contentType: String?
        var bytes: [UInt8] = []
    }

    private let bodyLimit: Int
    private let anyStatus: Bool
    private let secrets: [String]
    private let state = Mutex(State())

    /// Fails on a body over `bodyLimit` bytes (announced or received) and, unless `anyStatus`, on a non-2xx
    /// status, whose reason is scrubbed of `secrets`.
    init(bodyLimit: Int, anyStatus: Bool, secrets: [String]) {
        self.bodyLimit = bodyLimit
        self.anyStatus = anyStatus
        self.secrets = secrets
    }

    func didReceiveHead(task: HTTPClient.Task<Response>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        let code = Int(head.status.code)
        guard anyStatus || (200..<300).contains(code) else {
            return task.eventLoop.makeFailedFuture(
                ScrapeError.httpStatus(code: code, reason: Redaction.scrub(head.status.reasonPhrase, secrets: secrets)))
        }
        let length = head.headers.first(name: "content-length").flatMap(Int.init)
        if let length, length > bodyLimit {
            return task.eventLoop.makeFailedFuture(ScrapeError.bodyTooLarge(limitBytes: bodyLimit))
        }
        state.withLock {
            $0.status = code
            $0.contentType = head.headers.first(name: "content-type")
            // A gzip body's length is the compressed one: then it is only a first guess.
            $0.bytes.reserveCapacity(min(length ?? 64 << 10, bodyLimit))
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Response>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let fits = state.withLock {
            guard $0.bytes.count + buffer.readableBytes <= bodyLimit else { return false }
            $0.bytes.append(contentsOf: buffer.readableBytesView)
            return true
        }
        guard fits else { return task.eventLoop.makeFailedFuture(ScrapeError.bodyTooLarge(limitBytes: bodyLimit)) }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Response>) throws -> Response {
        state.withLock { state in
            defer { state.bytes = [] }
            return Response(bytes: state.bytes, contentType: state.contentType, status: state.status)
        }
    }
}
