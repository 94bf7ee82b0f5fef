import Foundation

/// Reads pages from a local file or standard input, off the cooperative thread pool (these reads block).
enum LocalSourceReader {
    static func readFile(_ path: String) async throws(ScrapeError) -> [UInt8] {
        let expanded = (path as NSString).expandingTildeInPath
        let data: Data? = await blocking { FileManager.default.contents(atPath: expanded) }
        guard let data else {
            let exists = FileManager.default.fileExists(atPath: expanded)
            throw ScrapeError.file(path: path, reason: exists ? "not readable" : "no such file")
        }
        return [UInt8](data)
    }

    static func readStandardInput() async -> [UInt8] {
        await blocking { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
    }

    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
