import CursesTerminal
import Foundation

/// Where a user's infertop files live, by the XDG base directory rule: `$XDG_CONFIG_HOME/infertop` when that
/// variable holds an absolute path, else `$HOME/.config/infertop`. `config.yaml` (read when no `--config` is
/// given) and `themes/` are found there.
struct ConfigHome {
    /// The folder; nil when neither variable gives one (no user files are read then).
    var folder: URL?
    /// How the folder was chosen, for `--print-config`: `$XDG_CONFIG_HOME/infertop` or `$HOME/.config/infertop`.
    var reason: String
    /// Why `$XDG_CONFIG_HOME` was passed over, when it is set.
    var note: String?

    init(environment: [String: String]) {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            folder = URL(fileURLWithPath: xdg).appendingPathComponent("infertop")
            reason = "$XDG_CONFIG_HOME/infertop"
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            folder = URL(fileURLWithPath: home).appendingPathComponent(".config/infertop")
            reason = "$HOME/.config/infertop"
            note = environment["XDG_CONFIG_HOME"].map { "$XDG_CONFIG_HOME '\($0)' is not an absolute path, so it is not used" }
        } else {
            folder = nil
            reason = "no user folder: neither $XDG_CONFIG_HOME nor $HOME is an absolute path"
        }
    }

    /// This process's.
    static var current: ConfigHome { ConfigHome(environment: ProcessInfo.processInfo.environment) }

    /// `config.yaml` in the folder.
    var configFile: String? { folder?.appendingPathComponent("config.yaml").path }

    /// The theme search path: `themes/` in the folder, then `$INFERTOP_THEMES`.
    func themes(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeCatalog {
        ThemeCatalog.standard(configFolder: folder, environment: environment)
    }
}
