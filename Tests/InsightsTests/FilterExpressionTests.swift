import ClusterModel
import Testing

@testable import Insights

@Suite struct FilterExpressionTests {
    typealias B = SnapshotBuilder

    /// Two nodes: an H100 node serving Llama with vLLM, an A10G node with an SGLang instance still loading.
    let snapshot = B.snapshot(
        0,
        gpus: [
            B.gpu("gpu-node-00", 0, vram: 0.93, util: 0.9, instances: ["a"]),
            B.gpu("gpu-node-00", 1, vram: 0.40, util: 0.3, instances: ["a"]),
            B.gpu("gpu-node-01", 0, type: "NVIDIA A10G", vram: 0.97, util: nil, temp: 70, instances: ["b"]),
        ],
        instances: [
            B.instance("a", node: "gpu-node-00", kv: 0.5, gpus: ["gpu-node-00/0", "gpu-node-00/1"]),
            B.instance(
                "b", node: "gpu-node-01", model: "Qwen/Qwen2.5-7B-Instruct", engine: .sglang, state: .loading,
                kv: nil, ttftP95: 3, gpus: ["gpu-node-01/0"]),
        ])

    func gpus(_ text: String) throws -> [String] {
        let filter = try FilterExpression.parse(text)
        let index = SnapshotIndex(snapshot)
        return snapshot.gpus.filter { filter.matches(gpu: $0, index: index) }.map(\.id)
    }

    func instances(_ text: String) throws -> [String] {
        let filter = try FilterExpression.parse(text)
        let index = SnapshotIndex(snapshot)
        return snapshot.instances.filter { filter.matches(instance: $0, index: index) }.map(\.id)
    }

    func error(_ text: String) -> String? {
        do {
            _ = try FilterExpression.parse(text)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func parsesTheIssueExample() throws {
        let filter = try FilterExpression.parse("vram>90 node~gpu-node-00 model=llama state=loading engine=vllm gpu=H100 util<50")
        #expect(
            filter.terms == [
                .number(.vram, .greater, 0.9), .text(.node, .contains, "gpu-node-00"), .text(.model, .equal, "llama"),
                .text(.state, .equal, "loading"), .text(.engine, .equal, "vllm"), .text(.gpu, .equal, "h100"),
                .number(.util, .less, 0.5),
            ])
    }

    @Test func numbersComparePercentagesAndAbsentValuesNeverMatch() throws {
        #expect(try gpus("vram>90") == ["gpu-node-00/0", "gpu-node-01/0"])
        #expect(try gpus("vram>=93%") == ["gpu-node-00/0", "gpu-node-01/0"])
        #expect(try gpus("util<50") == ["gpu-node-00/1"])
        #expect(try gpus("util>=0") == ["gpu-node-00/0", "gpu-node-00/1"])
        #expect(try instances("ttft>2s") == ["b"])
        #expect(try instances("ttft<=500ms") == ["a"])
    }

    @Test func textEqualityMatchesWholeValuesOrTheirTokens() throws {
        #expect(try gpus("model=llama") == ["gpu-node-00/0", "gpu-node-00/1"])
        #expect(try gpus("model=lla") == [])
        #expect(try gpus("model~lla") == ["gpu-node-00/0", "gpu-node-00/1"])
        #expect(try gpus("gpu=H100") == ["gpu-node-00/0", "gpu-node-00/1"])
        #expect(try gpus("gpu!=h100") == ["gpu-node-01/0"])
        #expect(try instances("model=qwen2.5-7b-instruct") == ["b"])
        #expect(try instances("engine=SGLang state=loading") == ["b"])
        #expect(try instances("node!~00") == ["b"])
    }

    @Test func rowsSeeTheirJoinedRows() throws {
        // GPU rows know their instance's engine and state; instance rows their GPUs' type and VRAM.
        #expect(try gpus("state=loading") == ["gpu-node-01/0"])
        #expect(try instances("vram>95") == ["b"])
        #expect(try instances("gpu=a10g") == ["b"])
    }

    @Test func plainWordsSearchNamesAndCanBeNegated() throws {
        #expect(try gpus("a10g") == ["gpu-node-01/0"])
        #expect(try gpus("node-00 !qwen") == ["gpu-node-00/0", "gpu-node-00/1"])
        #expect(try instances("sglang") == ["b"])
        #expect(try instances("\"Qwen2.5\" -vllm") == ["b"])
        #expect(try gpus("") == snapshot.gpus.map(\.id))
        #expect(try gpus("   ") == snapshot.gpus.map(\.id))
    }

    @Test func quotedValuesKeepSpaces() throws {
        #expect(try gpus("gpu=\"NVIDIA A10G\"") == ["gpu-node-01/0"])
        #expect(try FilterExpression.parse(#"model="say \"hi\"""#).terms == [.text(.model, .equal, "say \"hi\"")])
    }

    @Test func errorsNameTheColumnWhereParsingFailed() {
        #expect(error("vram>") == "column 6: expected a number after '>'")
        #expect(error("vram>abc") == "column 6: expected a percentage like 90 or 90% after '>', got 'abc'")
        #expect(error("util<50 vrm>90")?.hasPrefix("column 9: unknown field 'vrm'; fields are node, model") == true)
        #expect(error("node>3") == "column 5: 'node' is text: use =, !=, ~ or !~, not '>'")
        #expect(error("vram~9") == "column 5: 'vram' is a number: use =, !=, >, >=, < or <=, not '~'")
        #expect(error("x >90") == "column 3: expected a field name before '>'")
        #expect(error("vram=>90") == "column 5: unknown operator '=>'; use = != ~ !~ > >= < <=")
        #expect(error("model= llama") == "column 7: expected a value after '='")
        #expect(error("model=\"llama") == "column 7: the quote opened here is not closed; add a closing \"")
        #expect(error("ttft>2x") == "column 6: expected seconds like 2 or 2s, or milliseconds like 500ms after '>', got '2x'")
    }

    @Test func aliasesNameTheSameFields() throws {
        #expect(
            try FilterExpression.parse("queue>5 batch<=8 type=l4").terms == [
                .number(.waiting, .greater, 5), .number(.running, .lessOrEqual, 8), .text(.gpu, .equal, "l4"),
            ])
    }

    @Test func textIsComparedIgnoringCaseWithOrWithoutASCII() {
        #expect(TextMatch.contains("GPU-Node-07", "node-07"))
        #expect(!TextMatch.contains("GPU-Node-07", "node-08"))
        #expect(TextMatch.contains("Knoten-ÜBUNG", "übung"), "non-ASCII values fall back to lowercased()")
        #expect(TextMatch.equalsOrHasToken("meta-llama/Llama-3.1-8B", "llama"))
        #expect(!TextMatch.equalsOrHasToken("meta-llama/Llama-3.1-8B", "lla"))
        #expect(TextMatch.equalsOrHasToken("NVIDIA H100 80GB HBM3", "h100"))
    }
}
