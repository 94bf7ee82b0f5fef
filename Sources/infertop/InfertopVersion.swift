/// The version infertop reports (`--version`, recording headers).
enum InfertopVersion {
    static let current = "0.1.0"
}
