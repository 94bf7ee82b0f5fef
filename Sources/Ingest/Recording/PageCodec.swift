import CompressNIO
import NIOCore

/// Deflates and inflates record payloads with zlib (raw deflate, via CompressNIO), reusing one zlib stream
/// for all records because setting one up costs more than deflating a small delta. Not thread-safe: each
/// writer and each reader iterator owns one.
final class PageCodec {
    private let compressor: ZlibCompressor
    private let decompressor: ZlibDecompressor
    private let allocator = ByteBufferAllocator()

    init(level: Int32 = 6) throws {
        compressor = try ZlibCompressor(
            algorithm: .deflate,
            configuration: ZlibConfiguration(windowSize: 15, compressionLevel: level))
        decompressor = try ZlibDecompressor(algorithm: .deflate)
    }

    /// The deflated bytes of `bytes`.
    func deflate(_ bytes: [UInt8]) throws -> [UInt8] {
        var input = allocator.buffer(bytes: bytes)
        var output = allocator.buffer(capacity: compressor.maxSize(from: input))
        defer { try? compressor.reset() }
        try compressor.deflate(from: &input, to: &output, flush: .finish)
        return output.readBytes(length: output.readableBytes) ?? []
    }

    /// Inflates `bytes`, which must hold exactly `length` bytes once inflated.
    func inflate(_ bytes: UnsafeRawBufferPointer, length: Int) throws(RecordCursor.Malformed) -> [UInt8] {
        var input = allocator.buffer(bytes: bytes)
        var output = allocator.buffer(capacity: length + 1)  // slack, so a too-long stream is seen
        defer { try? decompressor.reset() }
        do {
            try decompressor.inflate(from: &input, to: &output)
        } catch {
            throw RecordCursor.Malformed(what: "deflated data does not inflate (\(error))")
        }
        guard output.readableBytes == length else {
            throw RecordCursor.Malformed(what: "inflated to \(output.readableBytes) bytes, expected \(length)")
        }
        return output.readBytes(length: length) ?? []
    }
}
