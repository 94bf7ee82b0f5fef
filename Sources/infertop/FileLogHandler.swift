import ArgumentParser
import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends lines to a file: the only place logs may go while curses owns the screen.
final class FileLogHandlerSink: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw ValidationError("cannot create the log file \(path): check the folder exists and is writable")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot open the log file \(path) for writing")
        }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func write(_ line: String) {
        handle.withLock { $0.write(Data((line + "\n").utf8)) }
    }
}

/// The `LogHandler` side: formats a message with time, level and metadata.
struct FileLogHandler: LogHandler {
    private let sink: FileLogHandlerSink
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    init(path: String) throws {
        sink = try FileLogHandlerSink(path: path)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra =
            merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(Date().ISO8601Format()) \(event.level) \(event.message)\(extra)")
    }
}
