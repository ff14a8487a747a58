public import AsymCore

/// Caller-owned, preallocated output of one frame decode: a header, bid and ask levels, trades.
///
/// Allocate one per engine thread at start-up and pass it to every `decode`; decoding overwrites
/// it and never grows it. Exceeding a capacity throws (`tooManyLevels`/`tooManyTrades`) instead.
/// Defaults cover the largest documented messages: Bybit `orderbook.1000` and Binance REST
/// `limit=1000` (1000 levels a side), OKX `books` (400), Bybit `publicTrade` (up to 1024 trades).
///
/// After a decode throws, `header.kind` is `.none` and the contents are unspecified.
/// Not thread-safe: one decoder writes it, then the same thread reads it.
public final class FrameBatch {
    /// Levels each side holds.
    public let levelCapacity: Int
    /// Trades it holds.
    public let tradeCapacity: Int
    /// Kind, instrument, times and sequence ids of the last decoded frame.
    ///
    /// Inlinable accessors over unchecked storage: `@exclusivity(unchecked)` does not cross a module boundary, so
    /// a stored public property read from the engine would pay a dynamic exclusivity check on every frame.
    @inlinable public var header: FrameHeader {
        get { storedHeader }
        _modify { yield &storedHeader }
    }
    @usableFromInline @exclusivity(unchecked) var storedHeader = FrameHeader()

    // `@exclusivity(unchecked)`: the hot path writes these per level; dynamic exclusivity checks on
    // class properties would cost more than the write. Only the decoding thread touches them.
    @usableFromInline @exclusivity(unchecked) var bidStorage: ContiguousArray<BookLevel>
    @usableFromInline @exclusivity(unchecked) var askStorage: ContiguousArray<BookLevel>
    @usableFromInline @exclusivity(unchecked) var tradeStorage: ContiguousArray<TradeEvent>
    /// A fresh header, copied by `reset` (cheaper than calling `FrameHeader.init`, which is not inlinable).
    @usableFromInline let emptyHeader = FrameHeader()
    @usableFromInline @exclusivity(unchecked) var bidCount = 0
    @usableFromInline @exclusivity(unchecked) var askCount = 0
    @usableFromInline @exclusivity(unchecked) var tradeCount = 0

    /// Allocates all storage now; nothing is allocated by decoding later.
    public init(levelCapacity: Int = 1024, tradeCapacity: Int = 1024) {
        precondition(levelCapacity >= 1 && tradeCapacity >= 1, "capacities must be positive")
        self.levelCapacity = levelCapacity
        self.tradeCapacity = tradeCapacity
        let emptyLevel = BookLevel(price: .zero, quantity: .zero)
        bidStorage = ContiguousArray(repeating: emptyLevel, count: levelCapacity)
        askStorage = ContiguousArray(repeating: emptyLevel, count: levelCapacity)
        tradeStorage = ContiguousArray(
            repeating: TradeEvent(price: .zero, quantity: .zero, tradeID: 0, exchangeTime: 0, takerSide: .buy),
            count: tradeCapacity)
    }

    /// Bid levels in the order the venue sent them (best first for snapshots).
    @inlinable
    public var bids: Levels { Levels(batch: self, side: .bid) }

    /// Ask levels in the order the venue sent them (best first for snapshots).
    @inlinable
    public var asks: Levels { Levels(batch: self, side: .ask) }

    /// Trades in the order the venue sent them.
    @inlinable
    public var trades: Trades { Trades(batch: self) }

    /// Clears the batch for a new frame from `venue`.
    @inlinable
    public func reset(venue: Venue) {
        header = emptyHeader
        header.venue = venue
        bidCount = 0
        askCount = 0
        tradeCount = 0
    }

    /// Calls `body` with each level of `side` in order: one access to the storage per frame, not
    /// one checked subscript per level (the processor's apply loop).
    @inlinable @inline(__always)
    public func forEachLevel(of side: BookSide, _ body: (BookLevel) -> Void) {
        let levels = side == .bid ? bidStorage[..<bidCount] : askStorage[..<askCount]
        for level in levels { body(level) }
    }

    /// Appends a level to `side`.
    @inlinable @inline(__always)
    public func append(_ level: BookLevel, to side: BookSide) throws(DecodeError) {
        switch side {
        case .bid:
            guard bidCount < levelCapacity else { throw .tooManyLevels }
            bidStorage[bidCount] = level
            bidCount &+= 1
        case .ask:
            guard askCount < levelCapacity else { throw .tooManyLevels }
            askStorage[askCount] = level
            askCount &+= 1
        }
    }

    /// Appends a trade.
    @inlinable @inline(__always)
    public func append(_ trade: TradeEvent) throws(DecodeError) {
        guard tradeCount < tradeCapacity else { throw .tooManyTrades }
        tradeStorage[tradeCount] = trade
        tradeCount &+= 1
    }

    /// The levels of one side; reads through to the batch, so it is only valid until the next decode.
    public struct Levels: RandomAccessCollection {
        @usableFromInline let batch: FrameBatch
        @usableFromInline let side: BookSide

        @inlinable
        init(batch: FrameBatch, side: BookSide) {
            self.batch = batch
            self.side = side
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { side == .bid ? batch.bidCount : batch.askCount }
        @inlinable public var count: Int { endIndex }

        @inlinable
        public subscript(position: Int) -> BookLevel {
            precondition(position >= 0 && position < endIndex, "level index out of range")
            return side == .bid ? batch.bidStorage[position] : batch.askStorage[position]
        }
    }

    /// The decoded trades; reads through to the batch, so it is only valid until the next decode.
    public struct Trades: RandomAccessCollection {
        @usableFromInline let batch: FrameBatch

        @inlinable
        init(batch: FrameBatch) { self.batch = batch }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { batch.tradeCount }
        @inlinable public var count: Int { endIndex }

        @inlinable
        public subscript(position: Int) -> TradeEvent {
            precondition(position >= 0 && position < endIndex, "trade index out of range")
            return batch.tradeStorage[position]
        }
    }
}
