import ClusterModel
import Foundation

/// Where `infertop snapshot` gets its pages: today files and stdin, given as `PATH`, `-` or `TARGET=PATH`.
/// The command only sees `PageInput`s, so live sources (URLs, the simulator, recordings) can be added here
/// without touching it.
struct SnapshotSources {
    var arguments: [String]

    /// Reads every source; one that cannot be read becomes an error naming it, and the others still load.
    func read() -> (inputs: [PageInput], errors: [String]) {
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
