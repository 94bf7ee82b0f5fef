import ClusterModel
import Exposition
import Formatting
import Testing

/// Issue 14, classes 1 and 8: a valid page carrying +Inf, NaN, 1e300 or a counter that jumps or goes negative
/// neither traps nor lies. The reading is invalid (`.nan`, drawn `?`), its target gets a data-quality note
/// naming the series, the value and the range, and the rest of the picture stands.
@Suite struct NumbersAtTheEdgesTests {
    static let extremes = ["+Inf", "-Inf", "NaN", "1e300", "-1e308", "1e30", "99999999999999999999999"]

    /// Two pages of one target a second apart, the second with `edit` applied to its text.
    static func load(_ first: String, _ second: String? = nil, target: String = "t") -> ClusterSnapshot {
        var inputs = [PageInput(target: target, origin: "first", bytes: Array(first.utf8))]
        if let second { inputs.append(PageInput(target: target, origin: "second", bytes: Array(second.utf8))) }
        return PageLoader(intervalMs: 1000, startMs: 1_000_000).load(inputs).snapshot
    }

    static func vllm(running: String, waiting: String = "3", kv: String = "0.5", tokens: String = "100") -> String {
        """
        # TYPE vllm:num_requests_running gauge
        vllm:num_requests_running{model_name="m"} \(running)
        # TYPE vllm:num_requests_waiting gauge
        vllm:num_requests_waiting{model_name="m"} \(waiting)
        # TYPE vllm:kv_cache_usage_perc gauge
        vllm:kv_cache_usage_perc{model_name="m"} \(kv)
        # TYPE vllm:generation_tokens_total counter
        vllm:generation_tokens_total{model_name="m"} \(tokens)

        """
    }

    static let dcgmGood = """
        DCGM_FI_DEV_FB_USED{gpu="0",Hostname="n1"} 1000
        DCGM_FI_DEV_FB_FREE{gpu="0",Hostname="n1"} 3000
        DCGM_FI_DEV_GPU_UTIL{gpu="0",Hostname="n1"} 50

        """

    @Test(arguments: extremes)
    func anEngineGaugeAtTheEdgeIsInvalidAndNoted(value: String) throws {
        let snapshot = Self.load(Self.vllm(running: value))
        let instance = try #require(snapshot.instances.first)
        #expect(instance.waiting == 3)  // the rest of the instance stands
        let running = try #require(instance.running)
        #expect(running.isNaN)
        let notes = try #require(snapshot.targets.first).dataQuality
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("vllm:num_requests_running = ") == true)
        #expect(notes.first?.hasSuffix("expected 0..1.0e7") == true)
        // Every sink answers, and shows it as invalid.
        #expect(SnapshotText.render(snapshot).contains("data: t: vllm:num_requests_running"))
        #expect(SnapshotJSON.text(snapshot).contains("\"dataQuality\""))
        #expect(snapshot.totals.running == nil)  // left out of the total, not a total of "?"
        #expect(snapshot.notes.contains { $0.hasPrefix("totals leave out") })
    }

    @Test func kvCacheAbove100PercentIsNamedWithItsRange() throws {
        let snapshot = Self.load(Self.vllm(running: "4", kv: "4.05"))
        #expect(snapshot.targets.first?.dataQuality == ["vllm:kv_cache_usage_perc = 4.05, expected 0..1"])
        #expect(snapshot.instances.first?.kvCacheUsage?.isNaN == true)
        #expect(snapshot.instances.first?.running == 4)
    }

    @Test(arguments: ["+Inf", "-Inf", "NaN", "-1e308", "1e300", "-5"])
    func aGPUReadingAtTheEdgeIsInvalidAndTheOtherGPUsStand(value: String) throws {
        let page =
            Self.dcgmGood + """
                DCGM_FI_DEV_FB_USED{gpu="1",Hostname="n1"} \(value)
                DCGM_FI_DEV_FB_FREE{gpu="1",Hostname="n1"} 3000

                """
        let snapshot = Self.load(page)
        let good = try #require(snapshot.gpu(id: "n1/0"))
        #expect(good.vramUsedBytes == 1000 * 1_048_576 && good.utilization == 0.5)
        let bad = try #require(snapshot.gpu(id: "n1/1"))
        #expect(bad.vramUsedBytes?.isNaN == true)
        #expect(bad.vramFraction?.isNaN == true)
        #expect(snapshot.targets.first?.dataQuality.first?.hasPrefix("DCGM_FI_DEV_FB_USED = ") == true)
        // The cluster's VRAM total is the good GPU's, not "?".
        let total = try #require(snapshot.totals.vramUsedBytes)
        #expect(total == 1000 * 1_048_576, "\(total - 1000 * 1_048_576)")
    }

    /// dcgm_structs.h's blank codes, as dcgm-exporter prints them: no reading, so the field is absent and no note is
    /// made. Values just beside them are readings, out of range.
    @Test(arguments: [
        ("9223372036854775794", true), ("9223372036854775807", true), ("2147483634", true),
        ("140737488355329.000000", true), ("9.3e18", false), ("9.2e18", false), ("2147483631", false),
        ("140737488355344.000000", false),
    ])
    func onlyDCGMsBlankCodesAreReadAsAbsent(value: String, blank: Bool) throws {
        let page = Self.dcgmGood + "DCGM_FI_DEV_FB_USED{gpu=\"1\",Hostname=\"n1\"} \(value)\n"
        let snapshot = Self.load(page)
        let gpu = try #require(snapshot.gpu(id: "n1/1"))
        #expect(!gpu.stale)  // the exporter still reports the GPU
        let notes = snapshot.targets.first?.dataQuality ?? []
        if blank {
            #expect(gpu.vramUsedBytes == nil)
            #expect(notes.isEmpty)
        } else {
            #expect(gpu.vramUsedBytes?.isNaN == true)
            #expect(notes.first?.hasPrefix("DCGM_FI_DEV_FB_USED = ") == true)
        }
    }

    @Test func utilizationAbove100PercentIsNamedInTheExportersUnits() {
        let snapshot = Self.load(
            Self.dcgmGood.replacingOccurrences(
                of: "UTIL{gpu=\"0\",Hostname=\"n1\"} 50",
                with: "UTIL{gpu=\"0\",Hostname=\"n1\"} 150"))
        #expect(snapshot.targets.first?.dataQuality == ["DCGM_FI_DEV_GPU_UTIL = 150, expected 0..100"])
    }

    @Test func usedBeyondTheTotalIsNoted() throws {
        let page = """
            DCGM_FI_DEV_FB_USED{gpu="0",Hostname="n1"} 5000
            DCGM_FI_DEV_FB_TOTAL{gpu="0",Hostname="n1"} 4000

            """
        let snapshot = Self.load(page)
        #expect(try #require(snapshot.gpus.first?.vramFraction).isNaN)
        #expect(snapshot.targets.first?.dataQuality.first?.contains("more than the GPU's") == true)
    }

    @Test func aCounterThatJumpsTo1e30GivesNoRateBeyondAnyMachine() throws {
        let snapshot = Self.load(Self.vllm(running: "1", tokens: "100"), Self.vllm(running: "1", tokens: "1e30"))
        let rate = try #require(snapshot.instances.first?.generationTokensPerSecond)
        #expect(rate.isNaN)
        let note = try #require(snapshot.targets.first?.dataQuality.first)
        #expect(note.hasPrefix("rate of vllm:generation_tokens_total = "))
        #expect(note.hasSuffix("/s, expected 0..1.0e9/s"))
        #expect(snapshot.totals.generationTokensPerSecond == nil)
    }

    @Test func aCounterThatGoesDownIsARestartNotANegativeRate() throws {
        let snapshot = Self.load(Self.vllm(running: "1", tokens: "500"), Self.vllm(running: "1", tokens: "20"))
        let instance = try #require(snapshot.instances.first)
        let rate = try #require(instance.generationTokensPerSecond)
        #expect(rate >= 0 && rate.isFinite)
        #expect(instance.state == .restarted)
        #expect(snapshot.targets.first?.dataQuality == [])
    }

    @Test(arguments: ["-5", "-1e300", "-Inf", "NaN"])
    func aNegativeCounterIsInvalidData(value: String) throws {
        let snapshot = Self.load(Self.vllm(running: "1", tokens: value), Self.vllm(running: "1", tokens: value))
        let rate = try #require(snapshot.instances.first?.generationTokensPerSecond)
        #expect(rate.isNaN)
        let note = try #require(snapshot.targets.first?.dataQuality.first)
        #expect(note.hasPrefix("vllm:generation_tokens_total = "))
        #expect(note.contains("a counter"))
    }

    @Test func aTargetListsAtMostEightReadingsAndSaysThereAreMore() {
        var page = ""
        for gpu in 0..<20 { page += "DCGM_FI_DEV_GPU_UTIL{gpu=\"\(gpu)\",Hostname=\"n1\"} -1\n" }
        let notes = Self.load(page).targets.first?.dataQuality ?? []
        #expect(notes.count == 9)
        #expect(notes.last == "more readings out of range are not listed")
    }

    @Test func aSummaryWithNoObservationsIsAbsentNotInvalid() throws {
        let page = """
            # TYPE tgi_request_duration summary
            tgi_request_duration{quantile="0.5"} NaN
            tgi_request_duration{quantile="0.99"} 0.25
            tgi_request_duration_sum 1
            tgi_request_duration_count 4
            # TYPE tgi_queue_size gauge
            tgi_queue_size 2

            """
        let snapshot = Self.load(page)
        #expect(snapshot.targets.first?.dataQuality == [])
        #expect(snapshot.instances.first?.waiting == 2)
    }
}
