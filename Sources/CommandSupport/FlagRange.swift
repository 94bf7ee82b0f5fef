import Ingest

/// The ranges of the flags that belong to the command line alone (the collection settings' are in
/// `SettingRange`, shared with the configuration file).
public enum FlagRange {
    public static let simulatedNodes = SettingRange(1, 2048, .count)
    public static let gpusPerNode = SettingRange(1, 16, .count)
    /// The simulator models every GPU, engine and request: beyond this a 2-core machine cannot keep up.
    public static let simulatedGPUs = 16_384
    public static let simulatorSpeed = SettingRange(0.01, 10_000, .factor)
    public static let loadScale = SettingRange(0, 100, .factor)
    public static let replaySpeed = SettingRange(0.25, 64, .factor)
    public static let frames = SettingRange(1, 100_000, .count)
    public static let columns = SettingRange(1, 1000, .count)
    public static let rows = SettingRange(1, 1000, .count)
    public static let window = SettingRange(0.001, 86_400, .seconds)
    public static let rounds = SettingRange(1, 1000, .count)
    /// Virtual time the simulator fast-forwards through (a day of 64 GPUs takes about a minute and a half).
    public static let virtualTime = SettingRange(0, 86_400, .seconds)
    public static let simulatorInterval = SettingRange(0.001, 3600, .seconds)
    public static let recordDuration = SettingRange(0, 366 * 86_400, .seconds)
}
