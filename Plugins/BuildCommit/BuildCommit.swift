import Foundation
import PackagePlugin

/// Names the commit a build comes from (`BuildCommit.id`, for `--version`). It runs before every build, since
/// a new commit changes no input file SwiftPM could watch; its script rewrites the source only when the commit
/// changed.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let script = context.package.directoryURL.appending(path: "scripts/build-commit.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        return [
            .prebuildCommand(
                displayName: "Reading the commit of \(context.package.directoryURL.path(percentEncoded: false))",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    script.path(percentEncoded: false),
                    context.package.directoryURL.path(percentEncoded: false),
                    output.appending(path: "BuildCommit.swift").path(percentEncoded: false),
                ],
                outputFilesDirectory: output)
        ]
    }
}
