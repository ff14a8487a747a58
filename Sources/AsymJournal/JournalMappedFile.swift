#if canImport(Glibc)
import Glibc
#endif

/// A segment mapped read-only (`mmap(2)`), so the scanner can walk records, and resynchronise after damage, with
/// plain pointer arithmetic. Unmapped on deinit.
///
/// A writer truncating the file while it is mapped would turn reads past the new end into `SIGBUS`; only a
/// writer's open truncates, so do not inspect a directory while a writer is opening it.
final class JournalMappedFile {
    /// The file's bytes (empty for an empty file).
    let bytes: UnsafeRawBufferPointer

    init(path: String) throws(JournalError) {
        let fd = try JournalFileSystem.open(path, flags: O_RDONLY | O_CLOEXEC)
        defer { _ = close(fd) }
        var info = stat()
        // Safety: `info` is a live stat buffer for the call.
        guard fstat(fd, &info) == 0 else { throw .fileSystem(call: "fstat", path: path, .current) }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let address, address != UnsafeMutableRawPointer(bitPattern: -1) else {
            throw .fileSystem(call: "mmap", path: path, .current)
        }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        // Safety: the mapping covers exactly `size` readable bytes until munmap in deinit.
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { _ = munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
