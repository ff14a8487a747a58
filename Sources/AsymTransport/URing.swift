import CURing
import Glibc

/// Owns one io_uring instance: the Result-returning layer between ``URingFileWriter`` and the CURing shim.
///
/// Each method makes exactly one shim call and turns its `-errno` return into `Errno`.
/// Noncopyable because it owns the ring (`CURing_create` / `CURing_destroy`).
struct URing: ~Copyable {
    /// The `struct io_uring *`, opaque to Swift.
    private let ring: OpaquePointer

    /// Sets up a ring with room for `entries` SQEs (`io_uring_queue_init`).
    static func make(entries: UInt32) -> Result<URing, Errno> {
        var ring: OpaquePointer?
        // Safety: `ring` is a live out-parameter for the duration of the call.
        let status = CURing_create(entries, 0, &ring)
        guard status == 0, let ring else { return .failure(Errno(rawValue: -status)) }
        return .success(URing(ring: ring))
    }

    private init(ring: OpaquePointer) { self.ring = ring }

    deinit { CURing_destroy(ring) }

    /// Queues a write SQE (`io_uring_prep_write`); not submitted until ``submit(waitingFor:)``.
    ///
    /// Safety: the kernel reads `buffer` after this returns, so it must stay allocated and
    /// unmodified until the matching completion arrives.
    func prepareWrite(
        fd: Int32, buffer: UnsafeRawPointer, length: UInt32, offset: UInt64, userData: UInt64
    ) -> Result<Void, Errno> {
        let status = CURing_prepWrite(ring, fd, buffer, length, offset, userData, 0)
        return status == 0 ? .success(()) : .failure(Errno(rawValue: -status))
    }

    /// Queues an fsync SQE (`io_uring_prep_fsync`) with `IOSQE_IO_DRAIN`, so it starts only after every earlier SQE completes.
    func prepareDrainingSync(fd: Int32, dataOnly: Bool, userData: UInt64) -> Result<Void, Errno> {
        let status = CURing_prepFsync(ring, fd, dataOnly ? 1 : 0, userData, CURing_sqeDrain)
        return status == 0 ? .success(()) : .failure(Errno(rawValue: -status))
    }

    /// Submits queued SQEs and waits for at least `waitCount` completions (`io_uring_submit_and_wait`); retries `EINTR`.
    func submit(waitingFor waitCount: UInt32 = 0) -> Result<Int, Errno> {
        while true {
            let status = CURing_submitAndWait(ring, waitCount)
            if status >= 0 { return .success(Int(status)) }
            if -status != EINTR { return .failure(Errno(rawValue: -status)) }
        }
    }

    /// Takes the next ready completion without blocking (`io_uring_peek_cqe` + `io_uring_cqe_seen`); `nil` if none.
    ///
    /// Block with ``submit(waitingFor:)`` instead: unlike `io_uring_wait_cqe` it also flushes queued SQEs.
    func peekCompletion() -> (userData: UInt64, result: Int32)? {
        var userData: UInt64 = 0
        var result: Int32 = 0
        // Safety: both out-parameters are live locals for the duration of the call.
        guard CURing_peekCompletion(ring, &userData, &result) == 0 else { return nil }
        return (userData, result)
    }
}
