/// The version infertop reports (`--version`, recording headers) and the commit it was built from.
package enum InfertopVersion {
    /// The release (CHANGELOG.md); `scripts/release.sh` names its files after it.
    package static let current = "0.1.0"
    /// What `--version` prints: the release and the commit the binary was built from (`BuildCommit`, generated
    /// at build time: "-dirty" when the work tree had changes, "unknown" outside a git checkout).
    package static let described = "infertop \(current) (commit \(BuildCommit.id))"
}
