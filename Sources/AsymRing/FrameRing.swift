public import Synchronization

/// A bounded, lock-free SPSC ring of variable-length byte frames (raw WebSocket messages).
///
/// Each slot has a fixed size (64 KiB by default) and holds a 16-byte header — length, tag,
/// receive time — followed by the frame bytes. A frame longer than `maxFrameLength` is refused
/// with `.tooLarge` and counted in `oversizedFrames`; it is never truncated.
///
/// **Back-pressure:** as for `SPSCRing`: nothing blocks or overwrites. `.full` is counted in
/// `fullRejections`; the feed drops the frame and requests a resync of that stream, because a
/// dropped market-data frame is a sequence gap.
///
/// Producer: `tryPush`, or `claim` + `publish` to let a socket write straight into the slot.
/// Consumer: `front` to read the oldest frame in place, then `popFront` to release it.
public final class FrameRing: @unchecked Sendable {
    // @unchecked Sendable: sound under the one-producer / one-consumer discipline; see SPSCRing.

    /// The header stored in front of every frame.
    @usableFromInline
    struct SlotHeader {
        @usableFromInline var length: UInt32
        @usableFromInline var tag: UInt32
        @usableFromInline var receiveTime: Int64

        @inlinable
        init(length: UInt32, tag: UInt32, receiveTime: Int64) {
            self.length = length
            self.tag = tag
            self.receiveTime = receiveTime
        }
    }

    /// Bytes reserved in front of each frame.
    public static var headerSize: Int { MemoryLayout<SlotHeader>.size }

    /// Number of slots (a power of two).
    public let slotCount: Int
    /// Bytes per slot, header included.
    public let slotSize: Int
    /// The longest frame a slot can hold.
    public var maxFrameLength: Int { slotSize - Self.headerSize }

    @usableFromInline let mask: Int
    // Safety: slotCount × slotSize bytes, 64-byte aligned, allocated in init and freed in deinit.
    // A slot is written only by the producer between claim and publish and read only by the
    // consumer between front and popFront; the ring's acquire/release orders the two.
    @usableFromInline let storage: UnsafeMutableRawPointer
    @usableFromInline let indices: RingIndices
    /// Producer-private: the slot handed out by `claim`, not yet published. `@exclusivity(unchecked)`: only the
    /// producer thread touches it, and a dynamic exclusivity check on each of its four accesses per frame cost
    /// more than the enqueue itself.
    @usableFromInline @exclusivity(unchecked) var claimedPosition: Int?

    @usableFromInline let oversizedCounter = Atomic<Int>(0)
    @usableFromInline let fullCounter = Atomic<Int>(0)

    /// Frames refused because they exceeded `maxFrameLength`.
    public var oversizedFrames: Int { oversizedCounter.load(ordering: .relaxed) }
    /// Pushes refused because the ring was full.
    public var fullRejections: Int { fullCounter.load(ordering: .relaxed) }

    /// Creates a ring of `slotCount` slots (a power of two) of `slotSize` bytes each.
    public convenience init(slotCount: Int = 1024, slotSize: Int = 64 * 1024) {
        self.init(slotCount: slotCount, slotSize: slotSize, startingIndex: 0)
    }

    /// Test hook: starts both indices at `startingIndex` so tests can cross `Int.max` quickly.
    @_spi(Testing)
    public init(slotCount: Int, slotSize: Int, startingIndex: Int) {
        precondition(slotSize > MemoryLayout<SlotHeader>.size && slotSize % 64 == 0,
                     "slot size must be a multiple of 64 larger than the header")
        self.slotCount = RingCapacity.validated(slotCount)
        self.slotSize = slotSize
        mask = slotCount - 1
        storage = UnsafeMutableRawPointer.allocate(byteCount: slotCount * slotSize, alignment: 64)
        indices = RingIndices(startingAt: startingIndex)
    }

    deinit { storage.deallocate() }

    /// The outcome of a push.
    public enum PushResult: Equatable, Sendable {
        /// The frame is queued.
        case pushed
        /// The ring is full; nothing was queued.
        case full
        /// The frame is longer than `maxFrameLength`; nothing was queued.
        case tooLarge
    }

    /// A frame read in place; `bytes` is valid only until `popFront()`.
    public struct Frame {
        /// The frame's bytes inside the ring.
        public let bytes: UnsafeRawBufferPointer
        /// Caller-defined tag (venue or stream id).
        public let tag: UInt32
        /// Local receive time, nanoseconds.
        public let receiveTime: Int64

        @inlinable
        init(bytes: UnsafeRawBufferPointer, tag: UInt32, receiveTime: Int64) {
            self.bytes = bytes
            self.tag = tag
            self.receiveTime = receiveTime
        }
    }

    @inlinable
    func slot(_ position: Int) -> UnsafeMutableRawPointer {
        storage + (position & mask) * slotSize
    }

    /// Producer: copies `bytes` into the next slot.
    @inlinable
    public func tryPush(_ bytes: UnsafeRawBufferPointer, receiveTime: Int64, tag: UInt32 = 0) -> PushResult {
        guard bytes.count <= maxFrameLength else {
            oversizedCounter.add(1, ordering: .relaxed)
            return .tooLarge
        }
        guard let position = indices.producerClaim(capacity: slotCount) else {
            fullCounter.add(1, ordering: .relaxed)
            return .full
        }
        let base = slot(position)
        if let source = bytes.baseAddress {
            (base + Self.headerSize).copyMemory(from: source, byteCount: bytes.count)
        }
        base.storeBytes(of: SlotHeader(length: UInt32(bytes.count), tag: tag, receiveTime: receiveTime),
                        as: SlotHeader.self)
        indices.producerPublish(position)
        return .pushed
    }

    /// Producer: reserves the next slot for writing in place; nil (counted) when full.
    ///
    /// Write at most `maxFrameLength` bytes into the returned buffer, then call `publish`.
    @inlinable
    public func claim() -> UnsafeMutableRawBufferPointer? {
        precondition(claimedPosition == nil, "claim() called twice without publish()")
        guard let position = indices.producerClaim(capacity: slotCount) else {
            fullCounter.add(1, ordering: .relaxed)
            return nil
        }
        claimedPosition = position
        return UnsafeMutableRawBufferPointer(start: slot(position) + Self.headerSize, count: maxFrameLength)
    }

    /// Producer: publishes the slot returned by `claim` holding `length` bytes.
    @inlinable
    public func publish(length: Int, receiveTime: Int64, tag: UInt32 = 0) {
        guard let position = claimedPosition else { preconditionFailure("publish() without claim()") }
        precondition(length >= 0 && length <= maxFrameLength, "published length outside the slot")
        slot(position).storeBytes(of: SlotHeader(length: UInt32(length), tag: tag, receiveTime: receiveTime),
                                  as: SlotHeader.self)
        claimedPosition = nil
        indices.producerPublish(position)
    }

    /// Producer: gives back a claimed slot without publishing it.
    @inlinable
    public func abandonClaim() { claimedPosition = nil }

    /// Consumer: the oldest frame, in place, or nil when empty.
    @inlinable
    public func front() -> Frame? {
        guard let position = indices.consumerPeek() else { return nil }
        let base = slot(position)
        let header = base.load(as: SlotHeader.self)
        return Frame(bytes: UnsafeRawBufferPointer(start: base + Self.headerSize, count: Int(header.length)),
                     tag: header.tag, receiveTime: header.receiveTime)
    }

    /// Consumer: releases the frame returned by `front`.
    @inlinable
    public func popFront() {
        guard let position = indices.consumerPeek() else { preconditionFailure("popFront() on an empty ring") }
        indices.consumerRelease(position)
    }

    /// Frames currently queued; exact only when neither side is running.
    @inlinable
    public var count: Int { indices.approximateCount }
}
