import Foundation

/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32

/// Measures the peak resident memory a piece of work adds, with Linux's resettable high-water mark.
enum PeakMemory {
    /// Peak RSS during `work` minus RSS before it; nil when `/proc/self/clear_refs` cannot be written.
    /// Freed memory is first handed back to the system (`malloc_trim`), so earlier work does not hide the cost.
    static func extraBytes(_ work: () -> Void) -> Int? {
        _ = glibcMallocTrim(0)
        guard reset(), let before = read("VmRSS") else { return nil }
        work()
        guard let peak = read("VmHWM") else { return nil }
        return max(0, peak - before)
    }

    /// Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0).
    private static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func read(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field + ":") {
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }
}
