public import Synchronization

/// The four index cells of a single-producer / single-consumer ring, each on its own cache line.
///
/// Layout (LMAX Disruptor style): the producer publishes `tail` and keeps a private cached copy of
/// the consumer's `head`; the consumer does the mirror image. Cells are 128 bytes apart, not 64,
/// because adjacent-line prefetch on x86 pulls cache lines in pairs.
@usableFromInline
internal struct RingIndices: ~Copyable {
    @usableFromInline static var stride: Int { 128 }

    // Safety: one allocation of 4 × 128 bytes aligned to 128, initialised in `init`, freed in `deinit`;
    // only the cells below are ever formed from it.
    @usableFromInline let base: UnsafeMutableRawPointer

    @inlinable
    init(startingAt start: Int) {
        base = UnsafeMutableRawPointer.allocate(byteCount: 4 * Self.stride, alignment: Self.stride)
        (base + 0 * Self.stride).bindMemory(to: Atomic<Int>.self, capacity: 1).initialize(to: Atomic(start))
        (base + 1 * Self.stride).bindMemory(to: Int.self, capacity: 1).initialize(to: start)
        (base + 2 * Self.stride).bindMemory(to: Atomic<Int>.self, capacity: 1).initialize(to: Atomic(start))
        (base + 3 * Self.stride).bindMemory(to: Int.self, capacity: 1).initialize(to: start)
    }

    deinit {
        _ = (base + 0 * Self.stride).assumingMemoryBound(to: Atomic<Int>.self).move()
        _ = (base + 2 * Self.stride).assumingMemoryBound(to: Atomic<Int>.self).move()
        base.deallocate()
    }

    /// Next index the producer will write; published with release ordering.
    @inlinable var tail: UnsafeMutablePointer<Atomic<Int>> {
        (base + 0 * Self.stride).assumingMemoryBound(to: Atomic<Int>.self)
    }
    /// The producer's last-seen `head`, refreshed only when the ring looks full.
    @inlinable var producerCachedHead: UnsafeMutablePointer<Int> {
        (base + 1 * Self.stride).assumingMemoryBound(to: Int.self)
    }
    /// Next index the consumer will read; published with release ordering.
    @inlinable var head: UnsafeMutablePointer<Atomic<Int>> {
        (base + 2 * Self.stride).assumingMemoryBound(to: Atomic<Int>.self)
    }
    /// The consumer's last-seen `tail`, refreshed only when the ring looks empty.
    @inlinable var consumerCachedTail: UnsafeMutablePointer<Int> {
        (base + 3 * Self.stride).assumingMemoryBound(to: Int.self)
    }

    /// Producer side: the index to write, or nil when the ring is full.
    @inlinable
    func producerClaim(capacity: Int) -> Int? {
        let position = tail.pointee.load(ordering: .relaxed)  // only the producer writes tail
        if position &- producerCachedHead.pointee >= capacity {
            // Acquire pairs with the consumer's release in `consumerRelease`: the slot is free to reuse.
            producerCachedHead.pointee = head.pointee.load(ordering: .acquiring)
            if position &- producerCachedHead.pointee >= capacity { return nil }
        }
        return position
    }

    /// Producer side: makes the slot at `position` visible to the consumer.
    @inlinable
    func producerPublish(_ position: Int) {
        // Release: the slot's bytes happen-before the consumer's acquire of tail.
        tail.pointee.store(position &+ 1, ordering: .releasing)
    }

    /// Consumer side: the index to read, or nil when the ring is empty.
    @inlinable
    func consumerPeek() -> Int? {
        let position = head.pointee.load(ordering: .relaxed)  // only the consumer writes head
        if position == consumerCachedTail.pointee {
            // Acquire pairs with the producer's release in `producerPublish`.
            consumerCachedTail.pointee = tail.pointee.load(ordering: .acquiring)
            if position == consumerCachedTail.pointee { return nil }
        }
        return position
    }

    /// Consumer side: hands the slot at `position` back to the producer.
    @inlinable
    func consumerRelease(_ position: Int) {
        // Release: our reads of the slot complete before the producer may overwrite it.
        head.pointee.store(position &+ 1, ordering: .releasing)
    }

    /// Items in the ring as seen from any thread (approximate while both sides run).
    @inlinable
    var approximateCount: Int {
        let consumed = head.pointee.load(ordering: .acquiring)
        let produced = tail.pointee.load(ordering: .acquiring)
        return max(0, produced &- consumed)
    }
}
