// Compiled together with Sources/Exposition/*.swift into one module by run-parser-fuzzer.sh, so no import.

/// libFuzzer entry point: parse arbitrary bytes in both formats, then write what was read and read it back.
///
/// Crashes, hangs and sanitizer reports are the findings; the round trip also checks that whatever the
/// parser accepts, the writer reproduces and the parser reads again without errors.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    for format in [ExpositionFormat.text, .openMetrics] {
        let page = ExpositionParser.parse(buffer, format: format)
        let written = ExpositionWriter.page(page.families, format: format)
        let reread = ExpositionParser.parse(written, format: format)
        if !reread.errors.isEmpty {
            fatalError("writer output did not parse: \(reread.errors.prefix(3)) for families \(page.families.prefix(2))")
        }
    }
    return 0
}
