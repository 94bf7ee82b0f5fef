import ClusterModel
import TestSupport
import Testing

/// The history the charts draw from: bounded, aligned on frames, absent values kept as gaps.
@Suite struct ClusterHistoryTests {
    static func snapshot(at timeMs: Int64, vram: Double?, gpu: String = "n/0") -> ClusterSnapshot {
        var totals = ClusterTotals()
        totals.generationTokensPerSecond = Double(timeMs / 1000)
        return ClusterSnapshot(timeMs: timeMs, gpus: [GPU(id: gpu, node: "n", index: 0, vramUsedBytes: vram)], totals: totals)
    }

    @Test func windowedValuesOldestFirst() {
        var history = ClusterHistory(capacity: 10)
        for second in 1...5 { history.append(Self.snapshot(at: Int64(second) * 1000, vram: Double(second))) }
        let points = history.values(.gpu("n/0", .vramUsed), window: .seconds(2))
        #expect(points.map(\.timeMs) == [3000, 4000, 5000])
        #expect(points.map(\.value) == [3, 4, 5])
        #expect(history.latest(.cluster(.generationTPS)) == 5)
    }

    /// A window is the newest frames within it, after the ring has wrapped, with gaps in time, and (should a
    /// frame ever come with an earlier time than the one before) still exactly the frames within it.
    @Test func windowsAfterWrapsGapsAndTimesOutOfOrder() {
        var history = ClusterHistory(capacity: 50)
        let seconds = Array(1...70) + [75, 90, 91]
        for second in seconds { history.append(Self.snapshot(at: Int64(second) * 1000, vram: Double(second))) }
        #expect(history.values(.gpu("n/0", .vramUsed), window: .seconds(16)).map(\.value) == [75, 90, 91])
        #expect(
            history.values(.gpu("n/0", .vramUsed), window: .seconds(30)).map(\.value) == [
                61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 75, 90, 91,
            ])
        #expect(history.values(.gpu("n/0", .vramUsed), window: .seconds(1000)).count == 50)

        history.append(Self.snapshot(at: 80_000, vram: 80))
        // Within 10 s of the newest frame's time, as ever: the later times before it too.
        #expect(history.values(.gpu("n/0", .vramUsed), window: .seconds(10)).map(\.value) == [70, 75, 90, 91, 80])
        #expect(history.values(.gpu("n/0", .vramUsed), window: .seconds(0)).map(\.value) == [90, 91, 80])
    }

    @Test func absentValuesAndMissedFramesAreGaps() {
        var history = ClusterHistory(capacity: 10)
        history.append(Self.snapshot(at: 1000, vram: 1))
        history.append(Self.snapshot(at: 2000, vram: nil))
        history.append(Self.snapshot(at: 3000, vram: 7, gpu: "other"))
        history.append(Self.snapshot(at: 4000, vram: 4))
        let points = history.values(.gpu("n/0", .vramUsed), window: .seconds(60))
        #expect(points.map(\.value) == [1, nil, nil, 4])
        #expect(history.latest(.gpu("other", .vramUsed)) == nil)
    }

    /// Keys that appear in the middle of a block of frames get a column there; a vanished key's column goes to
    /// a new key, whose frames before it arrived read as absent, not as the old key's values.
    /// A frame's keys are matched against the frame before by place; GPUs that change places, vanish, come back, appear
    /// twice or take a swept key's column still keep their own values.
    @Test func gpusThatMoveOrVanishKeepTheirOwnValues() {
        var history = ClusterHistory(capacity: 4)
        func frame(_ second: Int, _ gpus: [String]) {
            history.append(
                ClusterSnapshot(
                    timeMs: Int64(second) * 1000,
                    gpus: gpus.map {
                        GPU(id: $0, node: "n", index: 0, vramUsedBytes: Double(second * 10 + Int($0.utf8.first! - 96)))
                    }))
        }
        frame(1, ["a", "b", "c"])
        frame(2, ["b", "a", "c"])
        frame(3, ["a", "c"])
        frame(4, ["a", "c", "b", "d"])
        frame(5, ["d", "d", "a"])
        func values(_ id: String) -> [Double?] { history.values(.gpu(id, .vramUsed), window: .seconds(60)).map(\.value) }
        // Four frames kept: seconds 2 to 5.
        #expect(values("a") == [21, 31, 41, 51])
        #expect(values("b") == [22, nil, 42, nil])
        #expect(values("c") == [23, 33, 43, nil])
        #expect(values("d") == [nil, nil, 44, 54])
        // "b" and "c" unseen for the capacity are swept (every frame at capacity 4); "e" may take a freed column.
        for second in 6...10 { frame(second, ["a"]) }
        frame(11, ["e", "a"])
        #expect(values("e") == [nil, nil, nil, 115])
        #expect(values("a") == [81, 91, 101, 111])
        #expect(!history.keys.contains(.gpu("b", .vramUsed)))
    }

    @Test func keysAddedMidBlockAndReusedColumnsKeepTheirOwnValues() {
        var history = ClusterHistory(capacity: 100)
        func frame(_ second: Int, _ gpus: [(String, Double)]) {
            history.append(
                ClusterSnapshot(
                    timeMs: Int64(second) * 1000,
                    gpus: gpus.map { GPU(id: $0.0, node: "n", index: 0, vramUsedBytes: $0.1) }))
        }
        for second in 1...5 { frame(second, [("a", Double(second))]) }
        // 40 new GPUs at once, five frames into the block: the block grows its columns in place.
        for second in 6...8 { frame(second, [("a", Double(second))] + (0..<40).map { ("g\($0)", Double(100 + second)) }) }
        #expect(history.values(.gpu("a", .vramUsed), window: .seconds(60)).map(\.value) == (1...8).map { Double($0) })
        #expect(
            history.values(.gpu("g7", .vramUsed), window: .seconds(60)).map(\.value)
                == [nil, nil, nil, nil, nil, 106, 107, 108])
        // Every GPU but "a" goes away; a sweep (every 25 frames) after the capacity forgets them, and "new"
        // takes a freed column.
        for second in 9...130 { frame(second, [("a", Double(second))]) }
        #expect(!history.keys.contains(.gpu("g7", .vramUsed)))
        frame(131, [("a", 131), ("new", 5)])
        let new = history.values(.gpu("new", .vramUsed), window: .seconds(1000))
        #expect(new.count == 100)
        #expect(new.last?.value == 5)
        #expect(new.dropLast().allSatisfy { $0.value == nil })
        #expect(history.latest(.gpu("a", .vramUsed)) == 131)
    }

    /// A sparkline's means are each point's value in part ⌊(time − start) × slices ÷ window⌋, averaged: after the
    /// ring has wrapped, with uneven gaps, absent values, several frames in one part, parts with none, windows
    /// longer than the history and of zero length, and (the slower way) times out of order.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func meansAverageEachPointInItsPart(seed: UInt64) {
        var random = SplitMix(seed: seed)
        for ordered in [true, false] {
            var history = ClusterHistory(capacity: 50)
            var time: Int64 = 10_000
            for frame in 0..<130 {
                time += [0, 1, 250, 1000, 1000, 1000, 3000][random.below(7)]
                let stamp = !ordered && frame == 90 ? time - 5000 : time
                history.append(Self.snapshot(at: stamp, vram: random.below(5) == 0 ? nil : Double(random.below(1000))))
            }
            for windowMs in [0, 1, 999, 1000, 7_000, 30_000, 59_999, 400_000] as [Int64] {
                for slices in [1, 2, 7, 30, 300] {
                    let key = HistoryKey.gpu("n/0", .vramUsed)
                    let points = history.values(key, window: .milliseconds(windowMs))
                    let start = points.isEmpty ? 0 : history.latestTimeMs! - windowMs
                    var sums = [Double](repeating: 0, count: slices)
                    var counts = [Int](repeating: 0, count: slices)
                    for point in points {
                        guard let value = point.value else { continue }
                        let part = min(slices - 1, Int((point.timeMs - start) * Int64(slices) / max(1, windowMs)))
                        sums[part] += Double(Float(value))
                        counts[part] += 1
                    }
                    let expected = (0..<slices).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : nil }
                    #expect(
                        history.means(of: key, windowMs: windowMs, slices: slices) == expected,
                        "seed \(seed), ordered \(ordered), window \(windowMs) ms, \(slices) slices")
                }
            }
        }
    }

    @Test func boundedByCapacityAndForgetsVanishedKeys() {
        var history = ClusterHistory(capacity: 8)
        for second in 1...100 {
            history.append(Self.snapshot(at: Int64(second) * 1000, vram: 1, gpu: second < 50 ? "old" : "new"))
        }
        #expect(history.values(.cluster(.generationTPS), window: .seconds(1000)).count == 8)
        #expect(history.values(.gpu("old", .vramUsed), window: .seconds(1000)).isEmpty)
        #expect(!history.keys.contains(.gpu("old", .vramUsed)))
        #expect(history.keys.count < 20)
    }
}
