#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX error number surfaced from a system or library call.
///
/// Modelled on swift-system's `Errno`: a thin, typed wrapper so callers can match
/// `.noSpace` or `.badFileDescriptor` without importing C.
public struct Errno: Error, Hashable, Sendable, CustomStringConvertible {
    /// The raw `errno` value.
    public let rawValue: Int32

    @inlinable
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `ENOSPC`: no space left on device.
    public static var noSpace: Errno { Errno(rawValue: ENOSPC) }
    /// `EBADF`: bad file descriptor.
    public static var badFileDescriptor: Errno { Errno(rawValue: EBADF) }
    /// `EIO`: input/output error.
    public static var ioError: Errno { Errno(rawValue: EIO) }
    /// `ENOENT`: no such file or directory.
    public static var noSuchFile: Errno { Errno(rawValue: ENOENT) }
    /// `EACCES`: permission denied.
    public static var permissionDenied: Errno { Errno(rawValue: EACCES) }
    /// `EINVAL`: invalid argument.
    public static var invalidArgument: Errno { Errno(rawValue: EINVAL) }
    /// `ECONNREFUSED`: connection refused.
    public static var connectionRefused: Errno { Errno(rawValue: ECONNREFUSED) }
    /// `EAGAIN`: resource temporarily unavailable.
    public static var tryAgain: Errno { Errno(rawValue: EAGAIN) }

    /// The thread's current `errno`.
    public static var current: Errno { Errno(rawValue: errno) }

    public var description: String {
        guard let message = strerror(rawValue) else { return "errno \(rawValue)" }
        return "\(String(cString: message)) (errno \(rawValue))"
    }
}
