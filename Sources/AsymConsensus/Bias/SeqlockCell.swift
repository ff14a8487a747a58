public import Synchronization

/// A value one writer publishes and any thread reads without locks, waiting or allocating: a seqlock over two
/// slots (a double buffer whose slot is chosen by an atomic version number).
///
/// **Writer** (one at a time): writes the slot the readers are *not* using, bracketed by that slot's sequence
/// (odd while writing, even when done), then publishes it by storing the new version. **Reader:** loads the
/// version, reads that slot's words between two loads of the slot's sequence, and retries only when the two
/// differ or the first is odd, which happens only if the writer published twice during one read. A writer
/// preempted in the middle of a write therefore never stalls readers: they keep reading the other slot.
///
/// Every word is an `Atomic<UInt64>` accessed with relaxed ordering, so a torn read is a detected retry, never
/// a data race; the fences follow Boehm, "Can seqlocks get along with programming language memory models?"
/// (MSPC 2012), the reader's variant with an acquire fence before the second sequence load.
///
/// - Complexity: a read is O(`Payload.wordCount`) relaxed loads plus three atomic loads; a write is
///   O(`Payload.wordCount`) relaxed stores plus three atomic stores. Neither allocates.
public final class SeqlockCell<Payload: SeqlockPayload>: Sendable {
    /// Words per slot; a payload's `wordCount` must not exceed it.
    public static var wordCapacity: Int { 64 }

    /// The published version: 0 before the first write; its low bit selects the slot.
    @usableFromInline let version = Atomic<UInt64>(0)
    /// Per-slot sequence, odd while that slot is being written.
    @usableFromInline let sequences: InlineArray<2, Atomic<UInt64>> = InlineArray { _ in Atomic<UInt64>(0) }
    /// Slot 0 is words 0..<64, slot 1 is words 64..<128.
    @usableFromInline let words: InlineArray<128, Atomic<UInt64>> = InlineArray { _ in Atomic<UInt64>(0) }

    /// A cell holding `initial` (version 0, so `hasValue` is false until the first `write`).
    public init(_ initial: Payload) {
        precondition(Payload.wordCount <= Self.wordCapacity, "payload larger than a seqlock slot")
        for base in [0, Self.wordCapacity] {
            initial.store { index, word in words[base + index].store(word, ordering: .relaxed) }
        }
    }

    /// Whether anything was written since creation.
    @inlinable public var hasValue: Bool { version.load(ordering: .relaxed) != 0 }

    /// How many writes were published.
    @inlinable public var writes: UInt64 { version.load(ordering: .acquiring) }

    /// Publishes `value`. One writer at a time (the caller serialises writers); never waits for readers.
    @inlinable
    public func write(_ value: Payload) {
        let next = version.load(ordering: .relaxed) &+ 1  // only the writer stores `version`
        let slot = Int(next & 1)
        let sequence = sequences[slot].load(ordering: .relaxed)
        sequences[slot].store(sequence &+ 1, ordering: .relaxed)
        // Release fence: the odd sequence above is ordered before every word store below, so a reader that
        // sees any new word also sees the odd (or a later) sequence in its second load.
        atomicMemoryFence(ordering: .releasing)
        let base = slot * Self.wordCapacity
        value.store { index, word in
            assert(index < Payload.wordCount, "payload stored more words than its wordCount")
            words[base + index].store(word, ordering: .relaxed)
        }
        // Release: the words happen-before a reader's acquire of the even sequence.
        sequences[slot].store(sequence &+ 2, ordering: .releasing)
        // Release: the finished slot happens-before a reader's acquire of the version that selects it.
        version.store(next, ordering: .releasing)
    }

    /// The last published value (the initial one before any write).
    @inlinable
    public func read() -> Payload {
        while true {
            // Acquire pairs with the version store in `write`: the selected slot's last write is visible.
            let slot = Int(version.load(ordering: .acquiring) & 1)
            // Acquire pairs with the even-sequence store in `write`.
            let before = sequences[slot].load(ordering: .acquiring)
            if before & 1 == 0 {
                let base = slot * Self.wordCapacity
                let value = Payload { index in words[base + index].load(ordering: .relaxed) }
                // Acquire fence: the word loads above are ordered before the sequence load below.
                atomicMemoryFence(ordering: .acquiring)
                if sequences[slot].load(ordering: .relaxed) == before { return value }
            }
        }
    }
}
