/// Prometheus `file_sd` listings of the simulated targets: one target group per target, each with its
/// `__metrics_path__`, so a plain scrape config finds every instance and exporter behind one address.
package enum FileSD {
    package static func json(targets: [SimTarget], address: String) -> [UInt8] {
        var out = "[\n"
        for (index, target) in targets.enumerated() {
            out += "  {\"targets\": [\"\(escape(address))\"], \"labels\": {"
            out += "\"__metrics_path__\": \"\(escape(target.path))\", \"sim_target\": \"\(escape(target.id))\", "
            out += "\"node\": \"\(escape(target.node))\", \"kind\": \"\(target.kind.rawValue)\""
            if let pod = target.pod, let container = target.container {
                out += ", \"pod\": \"\(escape(pod))\", \"namespace\": \"\(SimTarget.namespace)\", "
                out += "\"container\": \"\(escape(container))\""
            }
            out += "}}"
            out += index == targets.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        return Array(out.utf8)
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
