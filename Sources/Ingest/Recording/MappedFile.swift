#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file mapped read-only into memory, so that reading a recording costs no copies and seeking costs no
/// system calls. Immutable once made, hence safe to share.
final class MappedFile: @unchecked Sendable {
    let path: String
    private let base: UnsafeMutableRawPointer?
    let count: Int

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RecordingError.posix(path, "open") }
        defer { _ = closeFileDescriptor(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw RecordingError.posix(path, "stat") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw RecordingError.notARecording(path: path, detail: "not a regular file")
        }
        count = Int(info.st_size)
        if count == 0 {
            base = nil
            return
        }
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
            throw RecordingError.posix(path, "mmap")
        }
        base = mapped
    }

    deinit {
        if let base { munmap(base, count) }
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
