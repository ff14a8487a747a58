public import AsymCore

/// Decodes Binance USD-M futures market frames: `depthUpdate`, `aggTrade`, `bookTicker`, raw or
/// inside the combined-stream wrapper `{"stream":…,"data":{…}}`, the `{"result":null,"id":…}`
/// subscribe reply, `{"code":…,"msg":…}` errors, and (through `decodeDepthSnapshot`) the REST
/// `GET /fapi/v1/depth` body.
///
/// Formats from developers.binance.com/docs/derivatives/usds-margined-futures: Diff-Book-Depth-Streams,
/// Aggregate-Trade-Streams, Individual-Symbol-Book-Ticker-Streams, Live-Subscribing-Unsubscribing-to-streams,
/// market-data/rest-api/Order-Book (PROTOCOLS.md §2). The same key means different things per event
/// (`a` is the asks array, the best ask price or the aggregate trade id), so values are told apart
/// by their JSON type; price strings seen before `s` are kept as ranges and parsed once the symbol
/// (and so the scale) is known.
public struct BinanceCodec: FrameCodec {
    public static var venue: Venue { .binance }

    /// Symbols to decode, spelled as in the `s` field (`BTCUSDT`).
    public let symbols: SymbolTable
    /// Frame size and nesting bounds.
    public let limits: DecodeLimits

    /// A codec for the instruments in `symbols`.
    public init(symbols: SymbolTable, limits: DecodeLimits = DecodeLimits()) {
        self.symbols = symbols
        self.limits = limits
    }

    @inlinable
    public func decode(_ frame: UnsafeRawBufferPointer, into batch: FrameBatch) throws(DecodeError) {
        try decode(frame, restInstrument: nil, into: batch)
    }

    /// Decodes the REST depth snapshot body `{"lastUpdateId","E","T","bids","asks"}` for `instrument`.
    ///
    /// The body names no symbol, so the caller (the REST fetch, or the recording line that holds it —
    /// hftbacktest's collector writes it as its own line) says which instrument it is. Traps if the
    /// instrument is not registered. Also accepts any frame `decode` accepts.
    @inlinable
    public func decodeDepthSnapshot(
        _ frame: UnsafeRawBufferPointer, instrument: InstrumentID, into batch: FrameBatch
    ) throws(DecodeError) {
        guard let entry = symbols.entry(for: instrument) else {
            preconditionFailure("instrument \(instrument.rawValue) is not registered with this codec")
        }
        try decode(frame, restInstrument: entry, into: batch)
    }

    @inlinable
    func decode(_ frame: UnsafeRawBufferPointer, restInstrument: SymbolTable.Entry?, into batch: FrameBatch) throws(DecodeError) {
        guard frame.count <= limits.maximumFrameBytes else { throw .frameTooLarge(frame.count) }
        batch.reset(venue: .binance)
        var reader = JSONByteReader(frame, maximumDepth: limits.maximumDepth)
        do {
            try decodeObject(&reader, restInstrument: restInstrument, nested: false, into: batch)
            try reader.readEnd()
        } catch {
            batch.header.kind = .none
            throw error
        }
    }

    @usableFromInline
    enum Event {
        case none, depthUpdate, aggTrade, bookTicker, other
    }

    /// Where a levels array was left for later: its offset and the nesting depth there.
    @usableFromInline
    struct Deferred {
        @usableFromInline var offset: Int
        @usableFromInline var depth: Int

        @inlinable
        init(offset: Int, depth: Int) {
            self.offset = offset
            self.depth = depth
        }
    }

    /// One object: the combined-stream wrapper, a raw event, a reply or a REST snapshot.
    @inlinable
    func decodeObject(
        _ reader: inout JSONByteReader, restInstrument: SymbolTable.Entry?, nested: Bool, into batch: FrameBatch
    ) throws(DecodeError) {
        try reader.readObjectStart()
        var event = Event.none
        var symbolSeen = false
        var entry = restInstrument
        var wrapped = false
        var bids: Deferred?
        var asks: Deferred?
        var levelsSeen = false
        var price: Range<Int>?
        var quantity: Range<Int>?
        var bestBid: Range<Int>?
        var bestBidSize: Range<Int>?
        var bestAsk: Range<Int>?
        var bestAskSize: Range<Int>?
        var buyerIsMaker: Bool?
        var aggregateID: Int64?
        var firstTradeID: Int64?
        var lastTradeID: Int64?
        var tradeTime: Int64?
        var isRESTSnapshot = false
        var resultSeen = false
        var resultIsNull = false
        var errorSeen = false
        var first = true
        while let key = try reader.readMemberKey(isFirst: &first) {
            switch key.count {
            case 1:
                switch reader.getByte(at: key.lowerBound) {
                case UInt8(ascii: "e"):
                    let range = try reader.readString()
                    if reader.getBytes(range, equal: "depthUpdate") {
                        event = .depthUpdate
                    } else if reader.getBytes(range, equal: "aggTrade") {
                        event = .aggTrade
                    } else if reader.getBytes(range, equal: "bookTicker") {
                        event = .bookTicker
                    } else {
                        event = .other
                    }
                case UInt8(ascii: "s"):
                    let range = try reader.readString()
                    symbolSeen = true
                    if restInstrument == nil {
                        entry = reader.getSymbolKey(range).flatMap { symbols.entry(for: $0) }
                    }
                case UInt8(ascii: "E"):
                    let offset = reader.readerIndex
                    batch.header.exchangeTime = try VenueTime.nanoseconds(milliseconds: reader.readInteger(), offset: offset)
                case UInt8(ascii: "T"):
                    let offset = reader.readerIndex
                    let time = try VenueTime.nanoseconds(milliseconds: reader.readInteger(), offset: offset)
                    batch.header.matchTime = time
                    tradeTime = time
                case UInt8(ascii: "U"):
                    batch.header.firstUpdateID = try reader.readInteger()
                case UInt8(ascii: "u"):
                    batch.header.updateID = try reader.readInteger()
                case UInt8(ascii: "b"):
                    let next = try reader.readWhitespaceAndGetByte()
                    if next == UInt8(ascii: "[") {
                        bids = try readOrDefer(&reader, side: .bid, entry: entry, batch: batch)
                        levelsSeen = true
                    } else {
                        bestBid = try reader.readString()
                    }
                case UInt8(ascii: "a"):
                    let next = try reader.readWhitespaceAndGetByte()
                    if next == UInt8(ascii: "[") {
                        asks = try readOrDefer(&reader, side: .ask, entry: entry, batch: batch)
                        levelsSeen = true
                    } else if next == UInt8(ascii: "\"") {
                        bestAsk = try reader.readString()
                    } else {
                        aggregateID = try reader.readInteger()
                    }
                case UInt8(ascii: "B"):
                    bestBidSize = try reader.readString()
                case UInt8(ascii: "A"):
                    bestAskSize = try reader.readString()
                case UInt8(ascii: "p"):
                    price = try reader.readString()
                case UInt8(ascii: "q"):
                    quantity = try reader.readString()
                case UInt8(ascii: "m"):
                    buyerIsMaker = try reader.readBool()
                case UInt8(ascii: "f"):
                    firstTradeID = try reader.readInteger()
                case UInt8(ascii: "l"):
                    lastTradeID = try reader.readInteger()
                default:
                    try reader.skipValue()
                }
            case 2:
                if reader.getBytes(key, equal: "pu") {
                    batch.header.previousUpdateID = try reader.readInteger()
                } else {
                    try reader.skipValue()
                }
            default:
                if !nested, reader.getBytes(key, equal: "data") {
                    if try reader.readWhitespaceAndGetByte() == UInt8(ascii: "{") {
                        try decodeObject(&reader, restInstrument: restInstrument, nested: true, into: batch)
                        wrapped = true
                    } else {
                        try reader.skipValue()
                    }
                } else if reader.getBytes(key, equal: "bids") {
                    bids = try readOrDefer(&reader, side: .bid, entry: restInstrument, batch: batch)
                    levelsSeen = true
                } else if reader.getBytes(key, equal: "asks") {
                    asks = try readOrDefer(&reader, side: .ask, entry: restInstrument, batch: batch)
                    levelsSeen = true
                } else if reader.getBytes(key, equal: "lastUpdateId") {
                    batch.header.updateID = try reader.readInteger()
                    isRESTSnapshot = true
                } else if reader.getBytes(key, equal: "result") {
                    resultSeen = true
                    resultIsNull = try reader.readNullIfPresent()
                    if !resultIsNull { try reader.skipValue() }
                } else if reader.getBytes(key, equal: "code") {
                    batch.header.errorCode = try reader.readInteger()
                    errorSeen = true
                } else if reader.getBytes(key, equal: "msg") {
                    batch.header.messageRange = try reader.readString()
                    errorSeen = true
                } else {
                    try reader.skipValue()
                }
            }
        }
        if wrapped { return }

        // Levels that came before the symbol are decoded now that the scale is known.
        if let entry, bids != nil || asks != nil {
            let resume = reader.readerIndex
            let resumeDepth = reader.currentDepth
            if let bids {
                reader.moveReaderIndex(to: bids.offset, depth: bids.depth)
                try reader.readLevels(into: batch, side: .bid, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            }
            if let asks {
                reader.moveReaderIndex(to: asks.offset, depth: asks.depth)
                try reader.readLevels(into: batch, side: .ask, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            }
            reader.moveReaderIndex(to: resume, depth: resumeDepth)
        }

        switch event {
        case .depthUpdate:
            guard symbolSeen else { throw .missingField("s") }
            guard let entry else { batch.header.kind = .ignored; return }
            guard levelsSeen else { throw .missingField("b") }
            batch.header.instrument = entry.instrument
            batch.header.kind = .bookDelta
        case .aggTrade:
            guard symbolSeen else { throw .missingField("s") }
            guard let entry else { batch.header.kind = .ignored; return }
            guard let price else { throw .missingField("p") }
            guard let quantity else { throw .missingField("q") }
            guard let buyerIsMaker else { throw .missingField("m") }
            guard let aggregateID, aggregateID >= 0 else { throw .missingField("a") }
            guard let tradeTime else { throw .missingField("T") }
            var fills: UInt32 = 1
            if let firstTradeID, let lastTradeID, lastTradeID >= firstTradeID, lastTradeID - firstTradeID < Int64(UInt32.max) {
                fills = UInt32(lastTradeID - firstTradeID + 1)
            }
            batch.header.instrument = entry.instrument
            try batch.append(
                TradeEvent(
                    price: Price(ticks: reader.getTicks(price, scale: entry.priceScale)),
                    quantity: Quantity(lots: reader.getTicks(quantity, scale: entry.quantityScale)),
                    tradeID: UInt64(aggregateID), exchangeTime: tradeTime, fillCount: fills,
                    takerSide: buyerIsMaker ? .sell : .buy))
            batch.header.kind = .trade
        case .bookTicker:
            guard symbolSeen else { throw .missingField("s") }
            guard let entry else { batch.header.kind = .ignored; return }
            guard let bestBid else { throw .missingField("b") }
            guard let bestBidSize else { throw .missingField("B") }
            guard let bestAsk else { throw .missingField("a") }
            guard let bestAskSize else { throw .missingField("A") }
            batch.header.instrument = entry.instrument
            try batch.append(
                BookLevel(
                    price: Price(ticks: reader.getTicks(bestBid, scale: entry.priceScale)),
                    quantity: Quantity(lots: reader.getTicks(bestBidSize, scale: entry.quantityScale))),
                to: .bid)
            try batch.append(
                BookLevel(
                    price: Price(ticks: reader.getTicks(bestAsk, scale: entry.priceScale)),
                    quantity: Quantity(lots: reader.getTicks(bestAskSize, scale: entry.quantityScale))),
                to: .ask)
            batch.header.depth = 1
            batch.header.kind = .bestBidOffer
        case .other:
            batch.header.kind = .ignored
        case .none:
            if isRESTSnapshot {
                guard let restInstrument else { throw .instrumentRequired }
                guard levelsSeen else { throw .missingField("bids") }
                batch.header.instrument = restInstrument.instrument
                batch.header.kind = .bookSnapshot
            } else if resultSeen {
                batch.header.kind = resultIsNull ? .subscribeAck : .ignored
            } else if errorSeen {
                batch.header.kind = .error
            } else {
                throw .missingField("e")
            }
        }
    }

    /// Decodes a levels array now when the instrument is known, else remembers where it is and skips it.
    @inlinable
    func readOrDefer(
        _ reader: inout JSONByteReader, side: BookSide, entry: SymbolTable.Entry?, batch: FrameBatch
    ) throws(DecodeError) -> Deferred? {
        if let entry {
            try reader.readLevels(into: batch, side: side, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            return nil
        }
        let deferred = Deferred(offset: reader.readerIndex, depth: reader.currentDepth)
        try reader.skipValue()
        return deferred
    }
}
