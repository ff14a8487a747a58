/// Why a file writer (``URingFileWriter`` or ``PlainFileWriter``) operation failed.
///
/// Cases carry the kernel's `errno` where there is one, so callers can match
/// `.write(.noSpace)` without importing C. After any case other than `.closed` the
/// writer is failed: every later call rethrows the same error, because data ordering
/// past a failed write (or durability past a failed fsync) can no longer be promised.
public enum FileWriterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `open(2)` or `fstat(2)` of the target file failed.
    case open(Errno)
    /// `io_uring_queue_init` failed: `ENOSYS`/`EPERM` when a seccomp sandbox forbids io_uring,
    /// `ENOMEM` when `RLIMIT_MEMLOCK` is too small for the ring.
    case uringUnavailable(Errno)
    /// Submitting to or waiting on the ring (`io_uring_enter`) failed.
    case submit(Errno)
    /// A write completed with an error, e.g. `ENOSPC`, `EBADF`, `EIO`.
    case write(Errno)
    /// `fsync`/`fdatasync` failed; nothing since the last successful commit is known durable.
    case sync(Errno)
    /// A write made no progress (0 bytes written), so the remainder at `offset` could not be resubmitted.
    case shortWrite(offset: UInt64, remaining: Int)
    /// The writer was closed.
    case closed

    public var description: String {
        switch self {
        case .open(let errno): "open failed: \(errno)"
        case .uringUnavailable(let errno): "io_uring unavailable: \(errno)"
        case .submit(let errno): "io_uring submit failed: \(errno)"
        case .write(let errno): "write failed: \(errno)"
        case .sync(let errno): "sync failed: \(errno)"
        case .shortWrite(let offset, let remaining): "write made no progress at offset \(offset) (\(remaining) bytes left)"
        case .closed: "writer is closed"
        }
    }
}
