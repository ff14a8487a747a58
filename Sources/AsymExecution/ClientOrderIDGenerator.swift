/// Issues client order ids: deterministic (the same epoch yields the same ids, so a replay reproduces
/// them) and strictly increasing.
///
/// **Unique across restarts.** Every run takes a fresh epoch, one above the epoch of the last id the
/// journal persisted (`init(startingAfter:)`). Ids a crashed run issued but never journalled all carry
/// that run's epoch, which is never issued again, so they cannot collide with the new run's ids. The one
/// requirement on the caller: make the run's first id durable (journal + fsync) before its order leaves,
/// so a run can never go unrecorded; the journal then always holds an id of the latest epoch.
/// Within a run, 2⁴⁰ ids; past that the generator moves to the next epoch (still unique, still increasing).
public struct ClientOrderIDGenerator: Sendable {
    @usableFromInline var epoch: UInt32
    @usableFromInline var sequence: UInt64 = 0

    /// A generator for run `epoch` (the first run of an empty journal uses 1).
    public init(epoch: UInt32) {
        precondition(epoch < ClientOrderID.epochLimit, "epoch out of range")
        self.epoch = epoch
    }

    /// A generator for the run after the one that issued `lastIssued` (as read back from the journal).
    public init(startingAfter lastIssued: ClientOrderID) {
        self.init(epoch: lastIssued.epoch + 1)
    }

    /// A generator that continues the run that issued `lastIssued`: same epoch, the next sequence. For a
    /// deterministic resume whose every id before `lastIssued` is journalled (recovery of a replay).
    public init(resuming lastIssued: ClientOrderID) {
        self.init(epoch: lastIssued.epoch)
        sequence = lastIssued.sequence
    }

    /// The last id issued by this generator, nil before the first.
    public var lastIssued: ClientOrderID? {
        sequence == 0 ? nil : ClientOrderID(rawValue: UInt64(epoch) << 40 | sequence)
    }

    /// The next id.
    @inlinable
    public mutating func next() -> ClientOrderID {
        sequence &+= 1
        if sequence >= ClientOrderID.sequenceLimit {
            epoch += 1
            precondition(epoch < ClientOrderID.epochLimit, "client order id space exhausted")
            sequence = 1
        }
        return ClientOrderID(rawValue: UInt64(epoch) << 40 | sequence)
    }
}
