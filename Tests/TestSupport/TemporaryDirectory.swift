#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh directory under `$TMPDIR` (default `/tmp`) that ``with(_:)`` removes, contents included, when the body returns.
public struct TemporaryDirectory: Sendable {
    /// Absolute path of the directory.
    public let path: String

    /// Path of `name` inside the directory.
    public func path(_ name: String) -> String { "\(path)/\(name)" }

    /// Creates a directory, runs `body` with it, and removes it afterwards whether or not `body` throws.
    @discardableResult
    public static func with<Result>(_ body: (TemporaryDirectory) throws -> Result) throws -> Result {
        let directory = try TemporaryDirectory()
        defer { removeTree(directory.path) }
        return try body(directory)
    }

    private init() throws {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let template = "\(base)/asym-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        // Safety: `bytes` is a NUL-terminated mutable copy that mkdtemp rewrites in place; it outlives the call.
        let created = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else { throw TemporaryDirectoryError(errno: errno, template: template) }
        // Safety: mkdtemp succeeded, so `bytes` still holds a NUL-terminated path.
        path = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Removes `path` recursively without following symlinks; best effort.
    private static func removeTree(_ path: String) {
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                // Safety: `d_name` is a NUL-terminated array inside `entry`, valid until the next readdir.
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name == "." || name == ".." { continue }
                let child = "\(path)/\(name)"
                var info = stat()
                // Safety: `info` is a live stat buffer for the call.
                if lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                    removeTree(child)
                } else {
                    unlink(child)
                }
            }
            closedir(directory)
        }
        rmdir(path)
    }
}
