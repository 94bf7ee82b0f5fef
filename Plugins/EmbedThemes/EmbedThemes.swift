import Foundation
import PackagePlugin

/// Compiles the repository's `Themes/*.theme` into the target that applies it, as `BuiltInThemeTexts.all`
/// (name → file text), so that the executable carries its themes wherever it is copied. The theme files are
/// the command's inputs and their list is read at every build: editing, adding or removing one regenerates
/// the source.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Themes")
        let themes = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "theme" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let script = context.package.directoryURL.appending(path: "scripts/embed-themes.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInThemeTexts.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(themes.count) themes from Themes/",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path(percentEncoded: false), output.path(percentEncoded: false)]
                    + themes.map { $0.path(percentEncoded: false) },
                inputFiles: [script] + themes,
                outputFiles: [output])
        ]
    }
}
