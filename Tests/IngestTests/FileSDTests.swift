import Foundation
import Ingest
import Testing

@Suite("file_sd target files")
struct FileSDTests {
    @Test("groups, scheme, metrics path and node/role labels")
    func parse() throws {
        let json = """
            [{"targets": ["10.0.0.1:8000", "10.0.0.2:8000"], "labels": {"job": "vllm", "node": "n1", "role": "engine"}},
             {"targets": ["10.0.0.3:9400"], "labels": {"__scheme__": "https", "__metrics_path__": "/m"}}]
            """
        let targets = try FileSD.parse(Data(json.utf8), file: "t.json")
        #expect(targets.map(\.id) == ["http://10.0.0.1:8000/metrics", "http://10.0.0.2:8000/metrics", "https://10.0.0.3:9400/m"])
        #expect(targets[0].node == "n1")
        #expect(targets[1].role == "engine")
        #expect(targets[2].node == nil)
    }

    @Test("pod and namespace labels name the target's pod")
    func podLabels() throws {
        let json = #"[{"targets": ["10.1.2.3:8000"], "labels": {"pod": "vllm-0", "namespace": "serving"}}]"#
        let target = try #require(try FileSD.parse(Data(json.utf8), file: "t.json").first)
        #expect(target.pod == "vllm-0" && target.namespace == "serving")
    }

    @Test("a malformed file names itself")
    func malformed() {
        for json in ["{", "{\"targets\": []}", "[{\"labels\": {}}]"] {
            do {
                _ = try FileSD.parse(Data(json.utf8), file: "t.json")
                Issue.record("accepted \(json)")
            } catch {
                #expect(String(describing: error).hasPrefix("t.json"), "\(error)")
            }
        }
    }

    @Test("the watcher re-reads a file when it changes, and keeps the last good targets when it breaks")
    func watcher() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sd-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(#"[{"targets": ["a:1"]}]"#.utf8).write(to: file)
        var watcher = FileSDWatcher(paths: [file.path])
        let first = watcher.poll()
        #expect(first?.targets.map(\.id) == ["http://a:1/metrics"])
        let unchanged = watcher.poll()
        #expect(unchanged == nil)
        try Data(#"[{"targets": ["a:1", "b:2"]}]"#.utf8).write(to: file)
        let grown = watcher.poll()
        #expect(grown?.targets.map(\.id) == ["http://a:1/metrics", "http://b:2/metrics"])
        try Data("not json".utf8).write(to: file)
        let brokenUpdate = watcher.poll()
        let broken = try #require(brokenUpdate)
        #expect(broken.targets.count == 2)
        #expect(broken.errors.count == 1)
    }
}
