/// How the interactive dashboard ended, for the command to turn into an exit code once it has closed what it
/// holds open (a recording): `q` is a normal end, a signal ends with `128 + signal` as a shell expects.
package enum DashboardEnd: Sendable, Equatable {
    case quit
    case signal(Int32)

    /// The process's exit status for this end.
    package var exitStatus: Int32 {
        switch self {
        case .quit: return 0
        case .signal(let number): return 128 + number
        }
    }
}
