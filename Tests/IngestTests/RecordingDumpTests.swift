import Foundation
import TestSupport
import Testing

@testable import Ingest

/// Folders of `.prom` dumps and single files replay like recordings, timed by their names.
@Suite struct RecordingDumpTests {
    @Test(arguments: [
        ("node-2026-01-01T00-00-00Z", Int64(1_767_225_600_000), "node"),
        ("2026-01-01T00:00:01.250Z", 1_767_225_601_250, ""),
        ("dcgm_20260101T000002Z", 1_767_225_602_000, "dcgm"),
        ("x-2026-01-01T02-00-00+02:00-y", 1_767_225_600_000, "x-y"),
        ("gpu-node-0001-1767225600", 1_767_225_600_000, "gpu-node-0001"),
        ("1767225600123", 1_767_225_600_123, ""),
        ("scrape_1767225600.dcgm", 1_767_225_600_000, "scrape-dcgm"),
    ])
    func fileNameTimes(name: String, timeMs: Int64, rest: String) {
        #expect(DumpFileTime.parse(name)?.timeMs == timeMs, "\(name)")
        #expect(DumpFileTime.stripping(name) == rest, "\(name)")
    }

    @Test(arguments: ["gpu-node-0001-dcgm", "12345", "2026-13-01T00-00-00Z", "v1.2.3", "123456789012345"])
    func namesWithoutTimes(name: String) {
        #expect(DumpFileTime.parse(name) == nil, "\(name)")
    }

    @Test func civilDays() {
        #expect(DumpFileTime.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(DumpFileTime.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
        #expect(DumpFileTime.daysFromCivil(year: 2026, month: 1, day: 1) == 20_454)
    }

    @Test func folderReplaysInTimeOrder() throws {
        let folder = try TemporaryFolder("rec")
        let page = Array("# TYPE up gauge\nup 1\n".utf8)
        for (i, second) in [1_767_225_602, 1_767_225_600, 1_767_225_601].enumerated() {
            for node in ["a", "b"] {
                try Data(page + Array("n \(i)\n".utf8)).write(to: folder.url.appendingPathComponent("\(node)-\(second).prom"))
            }
        }
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data(page).write(to: folder.url.appendingPathComponent("sub/2026-01-01T00-00-03Z.prom"))
        try Data(page).write(to: folder.url.appendingPathComponent("notes.txt"))
        let source = try PromDumpSource(path: folder.url.path)
        #expect(source.dumps.count == 7)
        #expect(source.targets == ["a", "b", "sub"])
        #expect(source.dumps.map(\.timeMs) == source.dumps.map(\.timeMs).sorted())
        #expect(source.dumps.allSatisfy { $0.timeFromName })
        let events = Array(source.events())
        #expect(events.count == 7)
        if case .scrape(let s) = events[0] {
            #expect(s.bytes == page + Array("n 1\n".utf8))
        } else {
            Issue.record("not a scrape")
        }
        let (state, next) = source.seek(toMs: 1_767_225_601_500)
        #expect(state.map(\.target) == ["a", "b"])
        #expect(state.allSatisfy { $0.timeMs == 1_767_225_601_000 })
        #expect(next == 4)
    }

    /// `000.prom`, `001.prom`, … from one server: one target, the folder, in the order of the numbers; timed by the
    /// files when their modification times rise a scrape apart, else `--interval` apart by number.
    @Test func numberedDumpsAreOneTargetOverTime() throws {
        let root = try TemporaryFolder("rec")
        let folder = root.url.appendingPathComponent("vllm-run")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dcgm"), withIntermediateDirectories: true)
        func write(_ name: String, _ second: Double?) throws {
            let url = folder.appendingPathComponent(name)
            try Data("# TYPE up gauge\nup 1\n".utf8).write(to: url)
            if let second {
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSince1970: second)], ofItemAtPath: url.path)
            }
        }
        // Written a second apart as they were scraped; 10 sorts after 2 by number, not by name.
        for (number, name) in ["0", "1", "2", "10"].enumerated() { try write(name + ".prom", 1_767_225_600 + Double(number)) }
        // Copied: modification times in the wrong order and milliseconds apart.
        for (number, name) in ["000", "001", "002"].enumerated() {
            try write("dcgm/\(name).prom", 1_767_225_700 - Double(number) * 0.002)
        }
        try write("vllm-007.prom", 1_767_225_650)
        let source = try PromDumpSource(path: folder.path, numberedIntervalMs: 5_000)
        #expect(Set(source.targets) == ["vllm-run", "dcgm", "vllm-007"])
        let run = source.dumps.filter { $0.target == "vllm-run" }
        #expect(run.map(\.sequence) == [0, 1, 2, 10])
        #expect(run.map(\.timeMs) == [1_767_225_600_000, 1_767_225_601_000, 1_767_225_602_000, 1_767_225_603_000])
        let dcgm = source.dumps.filter { $0.target == "dcgm" }
        #expect(dcgm.map(\.sequence) == [0, 1, 2])
        #expect(dcgm.map(\.timeMs) == [1_767_225_699_996, 1_767_225_704_996, 1_767_225_709_996])
        #expect(source.dumps.first { $0.target == "vllm-007" }?.sequence == nil)
        #expect(
            source.notes.contains {
                $0.contains("vllm-run") && $0.contains("modification times") && !$0.contains("apart (--interval)")
            })
        #expect(source.notes.contains { $0.contains("000.prom–002.prom") && $0.contains("5s apart (--interval)") })
        #expect(source.dumps.map(\.timeMs) == source.dumps.map(\.timeMs).sorted())
    }

    @Test func singleFileUsesModificationTime() throws {
        let folder = try TemporaryFolder("rec")
        let path = folder.path("vllm.prom")
        try Data(Array("up 1\n".utf8)).write(to: URL(fileURLWithPath: path))
        let when = Date(timeIntervalSince1970: 1_767_225_600.5)
        try FileManager.default.setAttributes([.modificationDate: when], ofItemAtPath: path)
        let source = try PromDumpSource(path: path)
        #expect(
            source.dumps == [
                PromDumpSource.Dump(
                    path: path, target: "vllm", timeMs: 1_767_225_600_500,
                    timeFromName: false)
            ])
        #expect(throws: RecordingError.self) { try PromDumpSource(path: folder.path("absent")) }
        let empty = try TemporaryFolder("rec")
        #expect(throws: RecordingError.self) { try PromDumpSource(path: empty.url.path) }
    }
}
