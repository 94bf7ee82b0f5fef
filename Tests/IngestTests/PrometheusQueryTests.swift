import Exposition
import Foundation
import Testing

@testable import Ingest

@Suite("Query-server answers, queries, identities and pages")
struct PrometheusQueryTests {
    @Test("answers: vector, matrix, scalar, string values, escapes, unknown keys; errors in the server's words")
    func responses() throws {
        let vector =
            #"{"status":"success","isPartial":false,"data":{"resultType":"vector","result":[{"metric":{"__name__":"up","instance":"a:1"},"value":[1795915485.962,"1"]},{"metric":{"__name__":"x","m":"q\"u\\o\u00e9\ud83d\ude00"},"value":[1795915485.962,"NaN"]}],"stats":{"seriesFetched":"2"}},"warnings":["w"]}"#
        let decoded = try PrometheusResponse.decode(Array(vector.utf8), status: 200)
        #expect(decoded.series.count == 2)
        #expect(decoded.series[0].points.first?.timeMs == 1_795_915_485_962)
        #expect(decoded.series[1].points.first?.value.isNaN == true)
        #expect(decoded.series[1].labels["m"] == "q\"u\\oé😀")
        #expect(decoded.warnings == ["w"])
        let matrix =
            #"{"data":{"result":[{"metric":{"__name__":"m"},"values":[[1,"+Inf"],[2,"-2.5e+06"],[1e300,"1"]]}],"resultType":"matrix"},"status":"success"}"#
        #expect(
            try PrometheusResponse.decode(Array(matrix.utf8), status: 200).series[0].points.map(\.value) == [.infinity, -2.5e6],
            "a time out of range is dropped, not a crash")
        let scalar = #"{"status":"success","data":{"resultType":"scalar","result":[12.5,"7"]}}"#
        #expect(try PrometheusResponse.decode(Array(scalar.utf8), status: 200).series.first?.points.first?.value == 7)
        let error = #"{"status":"error","errorType":"bad_data","error":"1:8: parse error: unexpected \"(\""}"#
        #expect(throws: PrometheusQueryError(message: #"HTTP 400, bad_data: 1:8: parse error: unexpected "(""#)) {
            try PrometheusResponse.decode(Array(error.utf8), status: 400)
        }
        for body in ["<html>", #"{"status":"success","data":{"result":[{"metric":{"#, "", #"{"status":"success"}"#] {
            #expect(throws: PrometheusQueryError.self, "\(body)") { try PrometheusResponse.decode(Array(body.utf8), status: 502) }
        }
    }

    @Test("queries: aggregated by identity and the labels read; rates for counters and buckets; conditions")
    func queries() {
        let keep = ["instance", "model_name"]
        #expect(
            PromQL.aggregate(
                PrometheusFamily(name: "vllm:num_requests_running", type: .gauge), keep: keep,
                matchers: ["job=\"sim\""], windowSeconds: 10)
                == #"sum by (instance,model_name) ({__name__="vllm:num_requests_running",job="sim"})"#)
        #expect(
            PromQL.aggregate(
                PrometheusFamily(name: "vllm:prompt_tokens_total", type: .counter), keep: keep,
                matchers: [""], windowSeconds: 10)
                == #"sum by (instance,model_name) (rate({__name__="vllm:prompt_tokens_total"}[10s]))"#)
        #expect(
            PromQL.aggregate(PrometheusFamily(name: "ttft", type: .histogram), keep: keep, matchers: [], windowSeconds: 40)
                == #"sum by (instance,model_name,le) (rate({__name__="ttft_bucket"}[40s]))"#)
        #expect(
            PromQL.aggregate(
                PrometheusFamily(name: "DCGM_FI_DEV_FB_USED", type: .gauge, aggregation: .max), keep: ["gpu"],
                matchers: [], windowSeconds: 10) == #"max by (gpu) ({__name__="DCGM_FI_DEV_FB_USED"})"#)
        let conditional = PrometheusFamily(
            name: "g", type: .gauge,
            conditions: [
                .init(label: "tp_rank", values: ["0"], orAbsent: true),
                .init(label: "reason", values: ["a.b", "c"], negated: true),
            ])
        #expect(
            PromQL.aggregate(conditional, keep: [], matchers: [], windowSeconds: 10)
                == #"sum by () ({__name__="g",tp_rank=~"0|",reason!~"a\\.b|c"})"#)
        #expect(PromQL.oneOf("instance", ["a:1", "x\"y"]) == #"instance=~"a:1|x\"y""#)
        #expect(PromQL.isLabelName("pod") && PromQL.isLabelName("_x9") && !PromQL.isLabelName("9x") && !PromQL.isLabelName("a-b"))
        #expect(
            HTTPFetcher.formEncoded([("query", "rate(a[1m]) + 1"), ("é", "/")])
                == "query=rate%28a%5B1m%5D%29%20%2B%201&%C3%A9=%2F")
    }

    @Test("identities: one label or several; bad names refused; folding targets found, with what tells them apart")
    func identities() throws {
        #expect(PrometheusIdentity.default.key(["instance": "a:1", "job": "x"]) == "a:1")
        let pod = try PrometheusIdentity.parse(" pod , namespace ", origin: "--instance-labels")
        #expect(pod.labels == ["pod", "namespace"])
        #expect(pod.key(["pod": "p", "namespace": "ns"]) == "p/ns")
        #expect(pod.key(["pod": "p"]) == "p/")
        #expect(pod.key(["instance": "a"]) == nil)
        for bad in ["", "pod,", "9pod", "__name__", "pod,pod", "a-b"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try PrometheusIdentity.parse(bad, origin: "--instance-labels") }
        }
        let up: [[String: String]] = [
            ["instance": "h:1", "sim_target": "sim://n0/a", "node": "n0", "kind": "engine"],
            ["instance": "h:1", "sim_target": "sim://n0/b", "node": "n0", "kind": "engine"],
            ["instance": "h:1", "sim_target": "sim://n1/c", "node": "n1", "kind": "dcgm"],
            ["instance": "h:2", "sim_target": "sim://n2/d", "node": "n2", "kind": "engine"],
        ]
        let folds = PrometheusIdentity.folds(up, identity: .default)
        #expect(
            folds == [
                PrometheusIdentity.Fold(
                    identity: "h:1", targets: 3, differingLabels: ["kind", "node", "sim_target"],
                    distinctLabels: ["sim_target"])
            ])
        #expect(PrometheusIdentity.folds(up, identity: PrometheusIdentity(labels: ["instance", "sim_target"])).isEmpty)
        #expect(
            folds.first?.warning(identity: .default)
                == "3 scrape targets share instance=\"h:1\" and fold into one: their series add up; tell them apart "
                + "with --instance-labels instance,sim_target (or relabel instance in the server's scrape configuration, "
                + "docs/CONFIG.md)")
    }

    @Test("pages: one per identity, only the labels read, exported_instance restored, buckets in order, rates marked")
    func synthesis() {
        let histogram = PrometheusFamily(name: "vllm:ttft", type: .histogram, labels: ["instance", "model_name"])
        let counter = PrometheusFamily(name: "vllm:prompt_tokens_total", type: .counter, labels: ["model_name"])
        func labels(_ instance: String, _ extra: [String: String] = [:]) -> [String: String] {
            ["instance": instance, "node": "n", "model_name": "m", "exported_instance": "e"].merging(extra) { $1 }
        }
        let answers = [
            PageSynthesizer.Answer(
                family: histogram,
                values: [
                    (labels("a:1", ["le": "+Inf"]), 4), (labels("a:1", ["le": "0.5"]), 3),
                    (labels("a:1", ["le": "0.05"]), 1),
                ]),
            PageSynthesizer.Answer(family: counter, values: [(labels("a:1"), 2.5), (labels("b:2"), 1), (["job": "x"], 9)]),
        ]
        let pages = PageSynthesizer.pages(answers, identity: .default)
        #expect(pages.keys.sorted() == ["a:1", "b:2"])
        let samples = pages["a:1"]?.family(named: "vllm:ttft")?.samples ?? []
        #expect(samples.map(\.name) == ["vllm:ttft_bucket", "vllm:ttft_bucket", "vllm:ttft_bucket"])
        #expect(samples.map { $0.labels["le"] } == ["0.05", "0.5", "+Inf"])
        #expect(samples.first?.labels.pairs.map(\.name) == ["instance", "le", "model_name"])
        #expect(samples.first?.labels["instance"] == "e")
        let rates = pages["a:1"]?.family(named: "vllm:prompt_tokens")
        #expect(rates?.type == .counter && rates?.samples.first?.name == "vllm:prompt_tokens_total")
        #expect(rates?.samples.first?.labels.pairs.map(\.name) == ["model_name"])
        #expect(pages["b:2"]?.families.count == 1)
    }

    @Test("a server's refusals: over a series limit (split, then name the flag), timeouts; real servers' words")
    func limits() {
        // VictoriaMetrics 1.79 and Prometheus 2.42, as they said it.
        let victoria =
            "HTTP 422, 422: error when executing query=\"sum by (instance, le) (rate(x_bucket[10s]))\" for (time=1796358106000, step=300000): search error after reading 0 data blocks: error when searching for tagFilters=[{__name__=\"x_bucket\"}] on the time range [2026-12-04T04:11:46Z..2026-12-04T04:21:46Z]: error when searching tsids: the number of matching timeseries exceeds 5; either narrow down the search or increase -search.max* command-line flag values at vmselect"
        let prometheus = "HTTP 422, execution: query processing would load too many samples into memory in query execution"
        #expect(PrometheusLimits.isOverSeriesLimit(victoria) && PrometheusLimits.isOverSeriesLimit(prometheus))
        #expect(!PrometheusLimits.isOverSeriesLimit("HTTP 400, bad_data: parse error"))
        #expect(
            PrometheusLimits.explain(victoria, shards: 4).contains(
                "even split in 4 parts by identity: raise VictoriaMetrics' -search.maxUniqueTimeseries"))
        #expect(PrometheusLimits.explain(prometheus, shards: 1).contains("raise Prometheus' --query.max-samples"))
        #expect(PrometheusLimits.isTimeout("HTTP 503, timeout: query timed out in expression evaluation"))
        #expect(PrometheusLimits.explain("no complete answer within 4.0 s (timeout)", shards: 1).contains("--query.timeout"))
    }
}
