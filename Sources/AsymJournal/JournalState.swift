public import AsymRing
import Synchronization

/// What the producer, the journal thread and observers share: the ring and the counters.
///
/// Every counter has one writer (the producer for `enqueueFailures`, the journal thread for the rest), so plain
/// relaxed stores suffice except `durableSequence`, which is published with release ordering.
@usableFromInline
final class JournalState: Sendable {
    /// The hot-path ring: one slot per record, the record type in the tag and the time in the receive time.
    @usableFromInline let ring: FrameRing

    let enqueueFailures = Atomic<Int>(0)
    let recordsWritten = Atomic<UInt64>(0)
    let writtenSequence = Atomic<UInt64>(0)
    /// Release on store, acquire on load: a reader that sees sequence N may rely on records ≤ N being on disk.
    let durableSequence = Atomic<UInt64>(0)
    let bytesWritten = Atomic<UInt64>(0)
    let commits = Atomic<UInt64>(0)
    let commitNanoseconds = Atomic<UInt64>(0)
    let maximumCommitNanoseconds = Atomic<UInt64>(0)
    let segmentsCreated = Atomic<Int>(0)
    let stopRequested = Atomic<Bool>(false)
    let commitRequested = Atomic<Bool>(false)
    let failed = Atomic<Bool>(false)
    let failure = Mutex<JournalError?>(nil)

    init(ring: FrameRing, durableSequence: UInt64) {
        self.ring = ring
        self.durableSequence.store(durableSequence, ordering: .relaxed)
        writtenSequence.store(durableSequence, ordering: .relaxed)
    }

    /// Counts an append that gave up on a full ring (producer side, cold path).
    @usableFromInline
    func noteEnqueueFailure() {
        enqueueFailures.add(1, ordering: .relaxed)
    }

    /// Remembers the journal thread's first failure.
    func recordFailure(_ error: JournalError) {
        failure.withLock { if $0 == nil { $0 = error } }
        failed.store(true, ordering: .releasing)
    }

    var statistics: JournalStatistics {
        JournalStatistics(
            enqueueFailures: enqueueFailures.load(ordering: .relaxed),
            recordsWritten: recordsWritten.load(ordering: .relaxed),
            writtenSequence: writtenSequence.load(ordering: .relaxed),
            durableSequence: durableSequence.load(ordering: .acquiring),
            bytesWritten: bytesWritten.load(ordering: .relaxed),
            commits: commits.load(ordering: .relaxed),
            commitNanoseconds: commitNanoseconds.load(ordering: .relaxed),
            maximumCommitNanoseconds: maximumCommitNanoseconds.load(ordering: .relaxed),
            segmentsCreated: segmentsCreated.load(ordering: .relaxed),
            failure: failure.withLock { $0 })
    }
}
