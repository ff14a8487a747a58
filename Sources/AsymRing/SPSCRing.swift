/// A bounded, lock-free single-producer / single-consumer ring of plain-data events.
///
/// Storage is preallocated; `tryPush` and `tryPop` never allocate, lock or make a system call.
/// Indices grow monotonically and wrap with `&+`, so a slot is `index & mask`.
///
/// **Back-pressure:** the ring never blocks and never overwrites. When it is full, `tryPush`
/// returns `false` and counts nothing itself; the producer decides. Market-data producers drop the
/// frame, count it and request a resync (a dropped frame is a sequence gap). Producers that must not
/// lose data (the journal) size the ring for the worst burst and spin with `pushSpinning`.
///
/// Exactly one thread may call the producer methods and exactly one the consumer methods.
/// Model: LMAX Disruptor's single-producer sequencer with a cached peer sequence.
public final class SPSCRing<Element: BitwiseCopyable>: @unchecked Sendable {
    // @unchecked Sendable: the SPSC discipline above, with acquire/release on the indices,
    // is what makes sharing sound; the type system cannot express "one thread per side".

    /// Number of slots (a power of two).
    public let capacity: Int
    @usableFromInline let mask: Int
    // Safety: `capacity` slots allocated in init and freed in deinit; a slot is written only by the
    // producer between claim and publish, and read only by the consumer between peek and release.
    @usableFromInline let slots: UnsafeMutablePointer<Element>
    @usableFromInline let indices: RingIndices

    /// Creates a ring with `capacity` slots; `capacity` must be a power of two.
    public convenience init(capacity: Int) {
        self.init(capacity: capacity, startingIndex: 0)
    }

    /// Test hook: starts both indices at `startingIndex` so tests can cross `Int.max` quickly.
    @_spi(Testing)
    public init(capacity: Int, startingIndex: Int) {
        self.capacity = RingCapacity.validated(capacity)
        mask = capacity - 1
        slots = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        indices = RingIndices(startingAt: startingIndex)
    }

    deinit { slots.deallocate() }

    /// Producer: appends `element`, or returns `false` when the ring is full.
    @inlinable
    @discardableResult
    public func tryPush(_ element: Element) -> Bool {
        guard let position = indices.producerClaim(capacity: capacity) else { return false }
        (slots + (position & mask)).initialize(to: element)
        indices.producerPublish(position)
        return true
    }

    /// Producer: appends `element`, spinning while full for at most `maxSpins` attempts.
    ///
    /// - Returns: `false` if the ring stayed full; the caller escalates (halt, alert).
    @inlinable
    public func pushSpinning(_ element: Element, maxSpins: Int) -> Bool {
        var spins = 0
        while !tryPush(element) {
            spins += 1
            if spins >= maxSpins { return false }
        }
        return true
    }

    /// Consumer: removes and returns the oldest element, or nil when the ring is empty.
    @inlinable
    public func tryPop() -> Element? {
        guard let position = indices.consumerPeek() else { return nil }
        let element = slots[position & mask]
        indices.consumerRelease(position)
        return element
    }

    /// Consumer: the oldest element without removing it.
    @inlinable
    public func peek() -> Element? {
        guard let position = indices.consumerPeek() else { return nil }
        return slots[position & mask]
    }

    /// Elements currently queued; exact only when neither side is running.
    @inlinable
    public var count: Int { indices.approximateCount }

    /// Whether the ring holds no elements (approximate while both sides run).
    @inlinable
    public var isEmpty: Bool { count == 0 }
}
