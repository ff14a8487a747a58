import AsymTransport
#if canImport(Glibc)
import Glibc
#endif

/// The journal's few file-system calls (list, map, truncate, sync a directory), each a thin `Result` layer over one
/// libc call; `JournalError.fileSystem` names the call.
enum JournalFileSystem {
    /// Creates `path` and any missing parents (`mkdir(2)`), succeeding when it already exists.
    static func createDirectory(_ path: String) throws(JournalError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw .fileSystem(call: "mkdir", path: prefix, .current)
            }
        }
    }

    /// The segment files in `directory` as (first sequence, path), sorted by sequence (`opendir(3)`/`readdir(3)`).
    static func segments(in directory: String) throws(JournalError) -> [(firstSequence: UInt64, path: String)] {
        guard let handle = opendir(directory) else { throw .fileSystem(call: "opendir", path: directory, .current) }
        defer { closedir(handle) }
        var found: [(firstSequence: UInt64, path: String)] = []
        while let entry = readdir(handle) {
            // Safety: `d_name` is a NUL-terminated array inside `entry`, valid until the next readdir.
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if let first = JournalSegmentHeader.firstSequence(fileName: name) {
                found.append((first, directory + "/" + name))
            }
        }
        return found.sorted { $0.firstSequence < $1.firstSequence }
    }

    /// Cuts `path` to `length` bytes and makes that durable (`ftruncate(2)` then `fsync(2)`).
    static func truncate(_ path: String, to length: UInt64) throws(JournalError) {
        let fd = try open(path, flags: O_WRONLY | O_CLOEXEC)
        defer { _ = close(fd) }
        guard ftruncate(fd, off_t(length)) == 0 else { throw .fileSystem(call: "ftruncate", path: path, .current) }
        guard fsync(fd) == 0 else { throw .fileSystem(call: "fsync", path: path, .current) }
    }

    /// Makes the directory's entries (a new segment's name) durable (`fsync(2)` on the directory).
    static func syncDirectory(_ path: String) throws(JournalError) {
        let fd = try open(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { _ = close(fd) }
        guard fsync(fd) == 0 else { throw .fileSystem(call: "fsync", path: path, .current) }
    }

    /// `open(2)`, retrying `EINTR`.
    static func open(_ path: String, flags: Int32) throws(JournalError) -> Int32 {
        var fd: Int32
        repeat { fd = Glibc.open(path, flags) } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw .fileSystem(call: "open", path: path, .current) }
        return fd
    }
}
