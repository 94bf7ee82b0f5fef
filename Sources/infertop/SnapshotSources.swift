import ArgumentParser
import ClusterModel
import Foundation
import Ingest

/// What `infertop snapshot`'s positional arguments name, sorted into the one kind of source a snapshot reads:
/// exposition files (`PATH`, `-`, `TARGET=PATH`), a recording (or a folder of `.prom` dumps), or live
/// addresses (`http(s)://…`, `host:port`, `file://…`) that are scraped like the dashboard scrapes them.
struct SnapshotSources {
    enum Kind: Equatable {
        /// Exposition pages read once, in order (rates from successive pages of one target).
        case pages([String])
        /// A recording, a folder of dumps, to be played to one moment.
        case recording(String)
        /// Addresses to scrape (possibly none: then the configuration file or flags name the sources).
        case live([String])
    }

    var arguments: [String]

    /// Sorts the arguments; mixing kinds is a usage error that names an argument of each kind.
    func kind() throws -> Kind {
        var pages: [String] = []
        var recordings: [String] = []
        var live: [String] = []
        for argument in arguments {
            if Self.isAddress(argument) {
                live.append(argument)
            } else if Self.isRecording(argument) {
                recordings.append(argument)
            } else {
                pages.append(argument)
            }
        }
        let named = [("exposition files", pages), ("recordings", recordings), ("live targets", live)].filter { !$0.1.isEmpty }
        if named.count > 1 {
            let list = named.map { "\($0.0) (\($0.1[0]))" }.joined(separator: " and ")
            throw ValidationError("a snapshot reads one kind of source at a time; got \(list)")
        }
        if recordings.count > 1 {
            throw ValidationError("give one recording at a time, got \(recordings.count): \(recordings.joined(separator: ", "))")
        }
        if let recording = recordings.first { return .recording(recording) }
        return pages.isEmpty ? .live(live) : .pages(pages)
    }

    /// A URL, or `host:port[/path]` that is not an existing file: scraped, not read as a page.
    static func isAddress(_ argument: String) -> Bool {
        let lowered = argument.lowercased()
        if ["http://", "https://", "file://"].contains(where: lowered.hasPrefix) { return true }
        if FileManager.default.fileExists(atPath: argument) { return false }
        let hostPort = argument.prefix { $0 != "/" }
        guard !hostPort.contains("="), let colon = hostPort.lastIndex(of: ":") else { return false }
        let port = hostPort[hostPort.index(after: colon)...]
        return colon != hostPort.startIndex && !port.isEmpty && port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber)
    }

    /// A folder (of dumps), a `.rec` path, or a file that starts with the recording magic.
    static func isRecording(_ argument: String) -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) {
            return isFolder.boolValue || RecordingReader.isRecording(path: argument)
        }
        return argument.hasSuffix(".rec")
    }

    /// Reads every page source; one that cannot be read becomes an error naming it, and the others still load.
    static func read(pages arguments: [String]) -> (inputs: [PageInput], errors: [String]) {
        var inputs: [PageInput] = []
        var errors: [String] = []
        for argument in arguments {
            let (target, path) = PageInput.split(argument: argument)
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs.append(PageInput(target: target == "-" ? "stdin" : target, origin: "stdin", bytes: [UInt8](data)))
                continue
            }
            guard FileManager.default.fileExists(atPath: path) else {
                errors.append("\(path): no such file; check the path (or write TARGET=PATH)")
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                errors.append("\(path): cannot read the file; check its permissions")
                continue
            }
            inputs.append(PageInput(target: target, origin: path, bytes: [UInt8](data)))
        }
        return (inputs, errors)
    }
}
