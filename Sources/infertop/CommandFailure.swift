/// A failure of a command's work (a file that cannot be read, a source that stopped), said for a person:
/// ArgumentParser prints it as `Error: …` without the usage text that a `ValidationError` brings.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}
