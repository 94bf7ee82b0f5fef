import ClusterModel

/// What `infertop snapshot` prints: the picture, and the errors met building it, each naming its source.
struct SnapshotResult {
    var snapshot: ClusterSnapshot
    var errors: [String]
    /// Doubts that are no failure (targets that fold, old data), printed as warnings.
    var warnings: [String] = []
    /// What the source says of itself, for the JSON's `source` (a query server's figures).
    var source: JSONValue = .null
    /// Whether the command exits with status 1; notes that are no failure (a cut recording) leave it false.
    var failed: Bool

    init(snapshot: ClusterSnapshot, errors: [String], failed: Bool? = nil) {
        self.snapshot = snapshot
        self.errors = errors
        self.failed = failed ?? !errors.isEmpty
    }
}
