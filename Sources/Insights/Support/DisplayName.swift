import ClusterModel
import Formatting

/// Short names for targets and engine instances on screen. An instance id is its target URL, its instance label
/// and its engine and model joined by `|` (`sim://node-00/vllm-0|vllm|meta-llama/Llama-3.1-8B-Instruct`): unique,
/// but too long for a breadcrumb or an alert strip, and the engine and model have their own columns there.
package enum DisplayName {
    /// The target without its scheme and without a trailing `/metrics`: `sim://node-00/vllm-0` → `node-00/vllm-0`,
    /// `http://10.0.0.5:8000/metrics` → `10.0.0.5:8000`.
    /// Asked for every GPU row of every frame, through `instance(id:)`: the scheme is found in the UTF-8 view, since
    /// the string's own `firstRange(of:)` searches by `Character` (a tenth of drawing the GPUs panel).
    package static func target(_ target: String) -> String {
        var name = Substring(target)
        if let scheme = name.utf8.firstRange(of: "://".utf8) { name = name[scheme.upperBound...] }
        if name.hasSuffix("/metrics") { name = name.dropLast("/metrics".count) }
        return name.isEmpty ? target : String(name)
    }

    /// An instance's short target, plus the instance label the page gave it when there is one (several
    /// instances behind one target); the engine and model parts of the id are left out.
    /// Asked for every GPU row of every frame (the "used by" column), so the id is scanned for its bars, not split.
    package static func instance(id: String) -> String {
        let bar = UInt8(ascii: "|")
        guard let first = id.utf8.firstIndex(of: bar) else { return target(id) }
        let name = target(String(id[..<first]))
        let rest = id[id.utf8.index(after: first)...]
        // The label is the second of three parts or more; with two, the second is the engine.
        guard let second = rest.utf8.firstIndex(of: bar) else { return name }
        let label = rest[..<second]
        if !label.isEmpty, EngineKind(rawValue: String(label)) == nil { return name + " " + label }
        return name
    }

    /// A GPU's model without its vendor: `NVIDIA H100 80GB HBM3` → `H100 80GB HBM3`, `Tesla T4` → `T4`.
    package static func gpuModel(_ name: String) -> String {
        for vendor in ["NVIDIA ", "Tesla ", "AMD "] where name.hasPrefix(vendor) && name.count > vendor.count {
            return String(name.dropFirst(vendor.count))
        }
        return name
    }

    /// The last path component of a model name: `meta-llama/Llama-3.1-8B-Instruct` → `Llama-3.1-8B-Instruct`
    /// (trailing slashes ignored; a name of slashes only stays as it is). Asked for every instance row of every
    /// frame, so the name is searched from its end, not split.
    package static func model(_ model: String) -> String {
        var end = model.endIndex
        while end > model.startIndex, model[model.index(before: end)] == "/" { end = model.index(before: end) }
        guard end > model.startIndex else { return model }
        let start = model[..<end].lastIndex(of: "/").map { model.index(after: $0) } ?? model.startIndex
        return start == model.startIndex && end == model.endIndex ? model : String(model[start..<end])
    }
}

/// What kind of name a column holds, which decides how it is shortened to fit (`DisplayName.fit`).
package enum NameKind: Sendable, Equatable {
    /// `meta-llama/Llama-3.1-70B-Instruct`: the organisation goes first, the size stays longest.
    case model
    /// `gpu-node-0017`: rows of one cluster share the front, so the end is kept.
    case node
    /// `http://gpu-3:8000/metrics`: scheme and `/metrics` go, then the middle.
    case target
    /// `NVIDIA H100 80GB HBM3`: the vendor goes, then the last words.
    case gpuModel
    /// Anything else: cut at the end.
    case plain
}

extension DisplayName {
    /// `name` in at most `width` terminal columns, shortened by what tells names of its kind apart rather than cut
    /// at the end: `meta-llama/Llama-3.1-70B-Instruct` → `Llama-3.1-70B-Instruct` → `Llama-3.1-70B` →
    /// `…70B-Instruct` → `…70B`; `gpu-node-0017` → `…0017`; `NVIDIA H100 80GB HBM3` → `H100 80GB` → `H100`.
    package static func fit(_ name: String, kind: NameKind, width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(name) <= width { return name }
        let candidates: [String]
        switch kind {
        case .model:
            // The name without its organisation nearly always fits: the shorter forms are made only when it does not.
            let bare = model(name)
            if !bare.isEmpty, DisplayWidth.of(bare) <= width { return bare }
            candidates = modelCandidates(bare, ellipsis: ellipsis)
        case .target: candidates = [target(name)]
        case .gpuModel: candidates = gpuModelCandidates(name)
        case .node, .plain: candidates = []
        }
        if let fitting = candidates.first(where: { !$0.isEmpty && DisplayWidth.of($0) <= width }) { return fitting }
        let last = candidates.last ?? name
        switch kind {
        case .node: return keepingEnd(last, width: width, ellipsis: ellipsis)
        case .target: return keepingEnds(last, width: width, ellipsis: ellipsis)
        default: return keepingStart(last, width: width, ellipsis: ellipsis)
        }
    }

    /// Shorter and shorter forms of a model name without its organisation (`bare`), each still naming the model.
    /// Made for every instance row of every frame whose model does not fit whole, so the forms are cut from `bare`
    /// and its parts stay substrings.
    private static func modelCandidates(_ bare: String, ellipsis: Character) -> [String] {
        var forms = [bare]
        let parts = bare.split(separator: "-", omittingEmptySubsequences: false)
        // The size (`70B`, `0.5B`, `8x7B`, `1.5b`) is what tells two models of one family apart.
        if let size = parts.lastIndex(where: isSize) {
            forms.append(String(bare[..<parts[size].endIndex]))
            forms.append(String(ellipsis) + bare[parts[size].startIndex...])
            forms.append(String(ellipsis) + parts[size])
        }
        return forms
    }

    /// A number, then `b`, `m` or `t` in either case; the number may hold `.` and `x` (`8x7B`).
    private static func isSize(_ part: Substring) -> Bool {
        let bytes = part.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return isSizeByCharacter(part) }
        guard bytes.count >= 2, let first = bytes.first, let last = bytes.last else { return false }
        // `| 0x20` lowers an ASCII letter; of all bytes only the letter's two cases lower to it.
        let unit = last | 0x20
        guard unit == UInt8(ascii: "b") || unit == UInt8(ascii: "m") || unit == UInt8(ascii: "t") else { return false }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        return isDigit(first)
            && bytes.dropLast().allSatisfy { isDigit($0) || $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "x") }
    }

    /// `isSize` for a part beyond ASCII, where a digit may be any numeric character.
    private static func isSizeByCharacter(_ part: Substring) -> Bool {
        let lower = part.lowercased()
        guard let last = lower.last, last == "b" || last == "m" || last == "t", lower.count >= 2 else { return false }
        return lower.dropLast().allSatisfy { $0.isNumber || $0 == "." || $0 == "x" } && lower.first!.isNumber
    }

    private static func gpuModelCandidates(_ name: String) -> [String] {
        var words = name.split(separator: " ").map(String.init)
        if let first = words.first, ["NVIDIA", "Tesla", "AMD"].contains(first), words.count > 1 { words.removeFirst() }
        var forms: [String] = []
        while !words.isEmpty {
            forms.append(words.joined(separator: " "))
            words.removeLast()
        }
        return forms
    }

    /// The first characters that fit, then the ellipsis.
    static func keepingStart(_ text: String, width: Int, ellipsis: Character) -> String {
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character) ?? 1
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + String(ellipsis)
    }

    /// The ellipsis, then the last characters that fit.
    static func keepingEnd(_ text: String, width: Int, ellipsis: Character) -> String {
        var out = ""
        var used = 0
        for character in text.reversed() {
            let w = DisplayWidth.of(character) ?? 1
            if used + w > width - 1 { break }
            out.insert(character, at: out.startIndex)
            used += w
        }
        return String(ellipsis) + out
    }

    /// The start and the end, the ellipsis between: `gpu-node-…17:9400`.
    static func keepingEnds(_ text: String, width: Int, ellipsis: Character) -> String {
        guard width >= 3 else { return keepingStart(text, width: width, ellipsis: ellipsis) }
        let tail = keepingEnd(text, width: (width + 1) / 2, ellipsis: ellipsis)
        let head = keepingStart(text, width: width - DisplayWidth.of(tail) + 1, ellipsis: ellipsis).dropLast()
        return String(head) + tail
    }
}
