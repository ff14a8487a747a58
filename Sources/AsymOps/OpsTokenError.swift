/// Why the ops token could not be loaded. Never carries the token itself.
public enum OpsTokenError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The variable or file holds nothing (after trailing whitespace is dropped).
    case empty
    /// The token holds spaces, control characters or non-ASCII bytes.
    case invalidCharacters
    /// `open`, `fstat` or `read` failed.
    case fileUnreadable(path: String, errno: Int32)
    /// The path is a directory, device or other non-regular file.
    case notARegularFile(path: String)
    /// Group or others may access the file; `mode` is its permission bits.
    case filePermissionsTooOpen(path: String, mode: Int)
    /// Over 4 KiB: not a token file.
    case fileTooLarge(path: String)
    /// A fresh token could not be written there (a missing directory, no permission).
    case fileUnwritable(path: String)

    public var description: String {
        switch self {
        case .empty: "the ops token is empty"
        case .invalidCharacters: "the ops token must be visible ASCII (no spaces or control characters)"
        case .fileUnreadable(let path, let errno): "cannot read the ops token file \(path) (errno \(errno))"
        case .notARegularFile(let path): "the ops token file \(path) is not a regular file"
        case .filePermissionsTooOpen(let path, let mode):
            "the ops token file \(path) has mode \(String(mode, radix: 8)); it must be 0600 (chmod 600 \(path))"
        case .fileTooLarge(let path): "the ops token file \(path) is larger than 4 KiB"
        case .fileUnwritable(let path): "cannot write the ops token file \(path)"
        }
    }
}
