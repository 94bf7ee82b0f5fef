/// A failure of `infertop sim` that is not about its arguments: it says what failed, where, and why.
struct SimError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
