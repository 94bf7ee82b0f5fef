#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks made before curses touches the terminal: curses on a pipe spins forever writing escape codes, and with
/// an unknown `TERM` `initscr` exits the process, so both are refused with a clear message instead.
package enum TerminalCheck {
    package static func requireInteractive(
        environment: [String: String], stdinIsTTY: Bool = isatty(0) == 1,
        stdoutIsTTY: Bool = isatty(1) == 1
    ) throws(TerminalError) {
        guard stdinIsTTY, stdoutIsTTY else {
            throw TerminalError(
                "infertop: standard input and output must be a terminal for the interactive dashboard; "
                    + "use --frames N to print frames as text instead")
        }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError(
                "infertop: TERM is \(environment["TERM"].map { "'\($0)'" } ?? "unset"); set it to your "
                    + "terminal's type (e.g. TERM=xterm-256color) or use --frames N for text output")
        }
    }
}
