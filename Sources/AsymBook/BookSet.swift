public import AsymCore

/// The books of every instrument an engine trades, indexed by `InstrumentID.rawValue`.
///
/// Mutate in place through the subscript (`books[id].apply(...)`): its `_modify` accessor yields the
/// stored book, so no copy is made. Each subscript access costs a uniqueness check on the outer array
/// (measured ≈ 3 ns per level), so apply a whole frame through one access: pass `&books[id]` to a function
/// taking `inout OrderBook`.
public struct BookSet: Sendable {
    @usableFromInline var books: [OrderBook]

    /// `count` empty books, one per instrument ID `0..<count`, each with the given capacities.
    /// - Complexity: O(count × ladderCapacity).
    public init(count: Int, ladderCapacity: Int = 1 << 16, overflowCapacity: Int = 4096) {
        precondition(count >= 0 && count <= Int(UInt16.max) + 1, "count must fit InstrumentID")
        books = (0..<count).map { _ in OrderBook(ladderCapacity: ladderCapacity, overflowCapacity: overflowCapacity) }
    }

    /// The number of books.
    @inlinable public var count: Int { books.count }

    /// The book of `instrument`, which must be `< count`.
    @inlinable
    public subscript(instrument: InstrumentID) -> OrderBook {
        _read { yield books[Int(instrument.rawValue)] }  // a borrow, not a copy of the book
        _modify { yield &books[Int(instrument.rawValue)] }
    }
}
