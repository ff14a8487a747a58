/// Reassembles fragmented WebSocket messages into one growable, bounded allocation owned by a
/// connection; whole single-chunk messages bypass it entirely (zero copy).
struct WebSocketMessageBuffer: ~Copyable {
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0
    /// The largest message accepted; reaching past it is an error, never an unbounded allocation.
    let limit: Int

    init(initialCapacity: Int, limit: Int) {
        self.limit = max(1, limit)
        capacity = max(1, min(initialCapacity, self.limit))
        // Safety: owned exclusively by this noncopyable value and freed exactly once in deinit.
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Drops any partial message (new connection, or abort).
    mutating func reset() { count = 0 }

    /// Feeds one chunk lws handed us; calls `deliver` once the message is complete.
    /// Returns `false` (and drops the partial message) when the message would exceed `limit`.
    mutating func receive(
        _ chunk: UnsafeRawBufferPointer,
        isFinal: Bool,
        opcode: WebSocketOpcode,
        deliver: (WebSocketOpcode, UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        guard chunk.count <= limit - count else {
            count = 0
            return false
        }
        if count == 0 && isFinal {
            deliver(opcode, chunk)
            return true
        }
        if count + chunk.count > capacity { grow(toHold: count + chunk.count) }
        if let source = chunk.baseAddress, !chunk.isEmpty {
            // Safety: `grow` ensured `capacity >= count + chunk.count`; `source` is lws's receive
            // buffer, valid for `chunk.count` bytes during this callback and disjoint from ours.
            (storage + count).copyMemory(from: source, byteCount: chunk.count)
        }
        count += chunk.count
        if isFinal {
            // Safety: the first `count` bytes were initialised above; the view is only lent to
            // `deliver` and the buffer is not touched again until it returns.
            deliver(opcode, UnsafeRawBufferPointer(start: storage, count: count))
            count = 0
        }
        return true
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity = min(limit, newCapacity * 2) }
        let newStorage = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        // Safety: both allocations hold at least `count` bytes and do not overlap.
        newStorage.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
