#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The bearer token that guards every ops route but `/healthz`. A secret: it prints as `<redacted>` and is
/// compared in constant time.
///
/// It comes from an environment variable or from a file readable by its owner only; never from config text or argv.
public struct OpsToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let bytes: [UInt8]

    /// A token from its text; throws `.empty` or `.invalidCharacters` (it must fit in an HTTP header unchanged).
    public init(_ text: String) throws(OpsTokenError) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        // Visible ASCII only: RFC 6750's b64token is narrower, but anything else could not round-trip a header.
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else { throw .invalidCharacters }
        self.bytes = bytes
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }

    /// Whether `candidate` is the token; the time taken depends on the lengths only, not on where bytes differ.
    public func matches(_ candidate: some Collection<UInt8>) -> Bool {
        var difference = UInt8(truncatingIfNeeded: bytes.count ^ candidate.count)
        var index = candidate.startIndex
        for expected in bytes {
            // Past the candidate's end keep comparing against 0 so the loop length stays the token's length.
            let actual: UInt8
            if index != candidate.endIndex {
                actual = candidate[index]
                candidate.formIndex(after: &index)
            } else {
                actual = 0
            }
            difference |= expected ^ actual
        }
        return difference == 0 && bytes.count == candidate.count
    }

    /// Loads the token from `source`, reading variables from the process environment; nil when the source says
    /// there is none (``OpsTokenSource/none`` or an unset variable).
    public static func load(from source: OpsTokenSource) throws(OpsTokenError) -> OpsToken? {
        try load(from: source) { name in getenv(name).map { String(cString: $0) } }
    }

    /// Loads the token from `source`, looking variables up with `environment`; nil when the source says there is
    /// none.
    public static func load(
        from source: OpsTokenSource, environment: (String) -> String?
    ) throws(OpsTokenError) -> OpsToken? {
        switch source {
        case .none:
            return nil
        case .environment(let name):
            guard let value = environment(name) else { return nil }
            return try OpsToken(trimmingLineEnd(value))
        case .file(let path):
            return try OpsToken(trimmingLineEnd(readOwnerOnlyFile(path)))
        }
    }

    /// Drops trailing newlines and spaces, which editors and `echo` add.
    private static func trimmingLineEnd(_ text: String) -> String {
        var text = Substring(text)
        while let last = text.last, last == "\n" || last == "\r\n" || last == "\r" || last == " " || last == "\t" {
            text.removeLast()
        }
        return String(text)
    }

    /// Reads a regular file whose mode grants nothing to group or others; the checks use the opened descriptor
    /// (`fstat`), so the file cannot be swapped between check and read.
    private static func readOwnerOnlyFile(_ path: String) throws(OpsTokenError) -> String {
        // O_NONBLOCK: a FIFO at the path must fail the regular-file check, not hang the start. Symlinks are followed
        // (secret mounts use them); the permissions checked are the target's.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .fileUnreadable(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .fileUnreadable(path: path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        let permissions = Int(info.st_mode & 0o777)
        guard permissions & 0o077 == 0 else { throw .filePermissionsTooOpen(path: path, mode: permissions) }
        // FileHandle reads without this module touching raw buffers; the limit keeps a wrong path from reading
        // a huge file into memory.
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
        let contents: Data
        do {
            contents = try handle.read(upToCount: 4097) ?? Data()
        } catch {
            throw .fileUnreadable(path: path, errno: EIO)
        }
        guard contents.count <= 4096 else { throw .fileTooLarge(path: path) }
        return String(decoding: contents, as: UTF8.self)
    }
}
