import Ingest

/// The ranges of the flags that belong to the command line alone (the collection settings' are in
/// `SettingRange`, shared with the configuration file).
package enum FlagRange {
    package static let simulatedNodes = SettingRange(1, 2048, .count)
    package static let gpusPerNode = SettingRange(1, 16, .count)
    /// The simulator models every GPU, engine and request: beyond this a 2-core machine cannot keep up.
    package static let simulatedGPUs = 16_384
    package static let simulatorSpeed = SettingRange(0.01, 10_000, .factor)
    package static let loadScale = SettingRange(0, 100, .factor)
    package static let replaySpeed = SettingRange(0.25, 64, .factor)
    package static let frames = SettingRange(1, 100_000, .count)
    package static let columns = SettingRange(1, 1000, .count)
    package static let rows = SettingRange(1, 1000, .count)
    package static let window = SettingRange(0.001, 86_400, .seconds)
    package static let rounds = SettingRange(1, 1000, .count)
    /// Virtual time the simulator fast-forwards through (a day of 64 GPUs takes about a minute and a half).
    package static let virtualTime = SettingRange(0, 86_400, .seconds)
    package static let simulatorInterval = SettingRange(0.001, 3600, .seconds)
    package static let recordDuration = SettingRange(0, 366 * 86_400, .seconds)
}
