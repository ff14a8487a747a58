/// The router's outgoing events, in a buffer allocated once; the engine reads them after each call
/// and then empties it (`OrderRouter.clearEvents()`).
///
/// When full, further events are dropped and counted (`dropped`) rather than growing on the hot path:
/// size it for the most events one engine step can produce.
public struct ExecutionEventBuffer: Sendable, RandomAccessCollection {
    @usableFromInline var storage: [ExecutionEvent]
    @usableFromInline var used = 0
    /// Events lost because the buffer was full.
    public internal(set) var dropped = 0

    /// Room for `capacity` events.
    public init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        storage = Array(repeating: ExecutionEvent(
            time: 0, clientOrderID: ClientOrderID(rawValue: 0), price: 0, lots: 0, filledLots: 0,
            instrument: .init(0), kind: .submitted, state: .new, side: .buy, intent: .entry), count: capacity)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { used }
    @inlinable public subscript(position: Int) -> ExecutionEvent {
        precondition(position < used, "event index out of range")
        return storage[position]
    }

    /// The most events it holds.
    public var capacity: Int { storage.count }

    mutating func append(_ event: ExecutionEvent) {
        if used < storage.count {
            storage[used] = event
            used &+= 1
        } else {
            dropped &+= 1
        }
    }

    mutating func removeAll() { used = 0 }
}
