public import AsymCore

/// Decodes Bybit V5 public linear frames: `orderbook.{1,50,200,1000}.SYMBOL` snapshots and deltas,
/// `publicTrade.SYMBOL`, and the `op` replies (subscribe ack, pong, failures).
///
/// Formats from bybit-exchange/docs `docs/v5/websocket/public/orderbook.mdx`, `trade.mdx` and
/// `docs/v5/websocket/wss-authentication.mdx` (PROTOCOLS.md §1). Field order never matters: when
/// `data` arrives before `topic` it is skipped and decoded afterwards from its remembered offset.
/// The instrument comes from the topic; `data.s` is not consulted.
public struct BybitCodec: FrameCodec {
    public static var venue: Venue { .bybit }

    /// Symbols to decode, spelled as Bybit does (`BTCUSDT`).
    public let symbols: SymbolTable
    /// Frame size and nesting bounds.
    public let limits: DecodeLimits

    /// A codec for the instruments in `symbols`.
    public init(symbols: SymbolTable, limits: DecodeLimits = DecodeLimits()) {
        self.symbols = symbols
        self.limits = limits
    }

    @usableFromInline
    enum Topic {
        case none, orderbook, trade, other
    }

    @inlinable
    public func decode(_ frame: UnsafeRawBufferPointer, into batch: FrameBatch) throws(DecodeError) {
        guard frame.count <= limits.maximumFrameBytes else { throw .frameTooLarge(frame.count) }
        batch.reset(venue: .bybit)
        var reader = JSONByteReader(frame, maximumDepth: limits.maximumDepth)
        do {
            try decodeMessage(&reader, into: batch)
        } catch {
            batch.header.kind = .none
            throw error
        }
    }

    @inlinable
    func decodeMessage(_ reader: inout JSONByteReader, into batch: FrameBatch) throws(DecodeError) {
        try reader.readObjectStart()
        var topic = Topic.none
        var entry: SymbolTable.Entry?
        var isSnapshot: Bool?
        var dataDecoded = false
        var deferredData: (offset: Int, depth: Int)?
        var success: Bool?
        var operation: Range<Int>?
        var first = true
        // Bybit's field order, as a guess for `readPackedMemberKey(expecting:)`: speed only.
        var expected = JSONByteReader.packed("topic")
        while let key = try reader.readPackedMemberKey(isFirst: &first, expecting: expected) {
            expected = 0
            switch key {
            case JSONByteReader.packed("data"):
                expected = JSONByteReader.packed("cts")
                switch topic {
                case .orderbook, .trade:
                    if let entry {
                        try decodeData(&reader, topic: topic, entry: entry, into: batch)
                        dataDecoded = true
                    } else {
                        try reader.skipValue()
                    }
                case .none:
                    deferredData = (reader.readerIndex, reader.currentDepth)
                    try reader.skipValue()
                case .other:
                    try reader.skipValue()
                }
            case JSONByteReader.packed("topic"):
                expected = JSONByteReader.packed("type")
                let range = try reader.readString()
                (topic, entry) = classify(topic: range, reader: reader, batch: batch)
            case JSONByteReader.packed("type"):
                expected = JSONByteReader.packed("ts")
                let range = try reader.readString()
                if reader.getBytes(range, equal: "snapshot") {
                    isSnapshot = true
                } else if reader.getBytes(range, equal: "delta") {
                    isSnapshot = false
                } else {
                    throw .invalidValue(offset: range.lowerBound)
                }
            case JSONByteReader.packed("ts"):
                expected = JSONByteReader.packed("data")
                let offset = reader.readerIndex
                batch.header.exchangeTime = try VenueTime.nanoseconds(milliseconds: reader.readInteger(), offset: offset)
            case JSONByteReader.packed("cts"):
                let offset = reader.readerIndex
                batch.header.matchTime = try VenueTime.nanoseconds(milliseconds: reader.readInteger(), offset: offset)
            case JSONByteReader.packed("success"):
                success = try reader.readBool()
            case JSONByteReader.packed("ret_msg"):
                batch.header.messageRange = try reader.readString()
            case JSONByteReader.packed("op"):
                operation = try reader.readString()
            default:
                try reader.skipValue()
            }
        }
        try reader.readEnd()

        if let deferredData, let entry, topic == .orderbook || topic == .trade {
            reader.moveReaderIndex(to: deferredData.offset, depth: deferredData.depth)
            try decodeData(&reader, topic: topic, entry: entry, into: batch)
            dataDecoded = true
        }

        switch topic {
        case .orderbook:
            guard entry != nil else { batch.header.kind = .ignored; return }
            guard dataDecoded else { throw .missingField("data") }
            guard let isSnapshot else { throw .missingField("type") }
            batch.header.kind = isSnapshot ? .bookSnapshot : .bookDelta
        case .trade:
            guard entry != nil else { batch.header.kind = .ignored; return }
            guard dataDecoded else { throw .missingField("data") }
            batch.header.kind = .trade
        case .other:
            batch.header.kind = .ignored
        case .none:
            if success == false {
                batch.header.kind = .error
            } else if let operation {
                if reader.getBytes(operation, equal: "ping") || reader.getBytes(operation, equal: "pong") {
                    batch.header.kind = .pong
                } else if reader.getBytes(operation, equal: "subscribe") {
                    batch.header.kind = .subscribeAck
                } else {
                    batch.header.kind = .ignored
                }
            } else {
                throw .missingField("topic")
            }
        }
    }

    /// Splits `orderbook.50.BTCUSDT` / `publicTrade.BTCUSDT` into kind, depth and registered instrument.
    ///
    /// Inlined: a call would copy the reader, and reading back the copy just after `readString`
    /// updated its index stalls store forwarding.
    @inlinable @inline(always)
    func classify(topic range: Range<Int>, reader: JSONByteReader, batch: FrameBatch) -> (Topic, SymbolTable.Entry?) {
        let kind: Topic
        let symbolStart: Int
        if reader.getBytes(range, hasPrefix: "orderbook.") {
            guard let dot = reader.getLastIndex(of: UInt8(ascii: "."), in: range),
                dot > range.lowerBound + 10,
                let depth = try? reader.getInteger((range.lowerBound + 10)..<dot),
                (1...Int64(UInt16.max)).contains(depth)
            else { return (.other, nil) }
            batch.header.depth = UInt16(depth)
            kind = .orderbook
            symbolStart = dot + 1
        } else if reader.getBytes(range, hasPrefix: "publicTrade.") {
            kind = .trade
            symbolStart = range.lowerBound + 12
        } else {
            return (.other, nil)
        }
        guard let key = reader.getSymbolKey(symbolStart..<range.upperBound),
            let entry = symbols.entry(for: key)
        else { return (kind, nil) }
        batch.header.instrument = entry.instrument
        return (kind, entry)
    }

    @inlinable
    func decodeData(
        _ reader: inout JSONByteReader, topic: Topic, entry: SymbolTable.Entry, into batch: FrameBatch
    ) throws(DecodeError) {
        if topic == .orderbook {
            try decodeBook(&reader, entry: entry, into: batch)
        } else {
            try decodeTrades(&reader, entry: entry, into: batch)
        }
    }

    /// `data` of an orderbook topic: `{"s","b":[[px,sz]…],"a":[…],"u","seq"}`.
    @inlinable
    func decodeBook(_ reader: inout JSONByteReader, entry: SymbolTable.Entry, into batch: FrameBatch) throws(DecodeError) {
        try reader.readObjectStart()
        var first = true
        var expected = JSONByteReader.packed("s")  // Bybit's field order, a guess (speed only)
        while let key = try reader.readPackedMemberKey(isFirst: &first, expecting: expected) {
            expected = 0
            switch key {
            case JSONByteReader.packed("b"):
                expected = JSONByteReader.packed("a")
                try reader.readLevels(
                    into: batch, side: .bid, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            case JSONByteReader.packed("a"):
                expected = JSONByteReader.packed("u")
                try reader.readLevels(
                    into: batch, side: .ask, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            case JSONByteReader.packed("u"):
                expected = JSONByteReader.packed("seq")
                batch.header.updateID = try reader.readInteger()
            case JSONByteReader.packed("seq"):
                batch.header.sequence = try reader.readInteger()
            case JSONByteReader.packed("s"):  // the topic names the instrument
                expected = JSONByteReader.packed("b")
                try reader.skipValue()
            default:
                try reader.skipValue()
            }
        }
    }

    /// `data` of publicTrade: `[{"T","s","S","v","p","L","i","BT","RPI","seq"}…]`.
    @inlinable
    func decodeTrades(_ reader: inout JSONByteReader, entry: SymbolTable.Entry, into batch: FrameBatch) throws(DecodeError) {
        try reader.readArrayStart()
        var firstTrade = true
        while try reader.readArrayElement(isFirst: &firstTrade) {
            try reader.readObjectStart()
            var time: Int64?
            var side: TakerSide?
            var price: Int64?
            var quantity: Int64?
            var tradeID: UInt64?
            var isBlockTrade = false
            var first = true
            var expected = JSONByteReader.packed("T")  // Bybit's field order, a guess (speed only)
            while let key = try reader.readPackedMemberKey(isFirst: &first, expecting: expected) {
                expected = 0
                switch key {
                case JSONByteReader.packed("p"):
                    expected = JSONByteReader.packed("L")
                    price = try reader.readTicks(scale: entry.priceScale)
                case JSONByteReader.packed("v"):
                    expected = JSONByteReader.packed("p")
                    quantity = try reader.readTicks(scale: entry.quantityScale)
                case JSONByteReader.packed("S"):
                    expected = JSONByteReader.packed("v")
                    let range = try reader.readString()
                    if reader.getBytes(range, equal: "Buy") {
                        side = .buy
                    } else if reader.getBytes(range, equal: "Sell") {
                        side = .sell
                    } else {
                        throw .invalidValue(offset: range.lowerBound)
                    }
                case JSONByteReader.packed("T"):
                    expected = JSONByteReader.packed("s")
                    let offset = reader.readerIndex
                    time = try VenueTime.nanoseconds(milliseconds: reader.readInteger(), offset: offset)
                case JSONByteReader.packed("i"):
                    expected = JSONByteReader.packed("BT")
                    tradeID = reader.getIdentifier(try reader.readString())
                case JSONByteReader.packed("BT"):
                    expected = JSONByteReader.packed("RPI")
                    isBlockTrade = try reader.readBool()
                case JSONByteReader.packed("seq"):
                    batch.header.sequence = try reader.readInteger()
                case JSONByteReader.packed("s"):
                    expected = JSONByteReader.packed("S")
                    try reader.skipValue()
                case JSONByteReader.packed("L"):
                    expected = JSONByteReader.packed("i")
                    try reader.skipValue()
                case JSONByteReader.packed("RPI"):
                    expected = JSONByteReader.packed("seq")
                    try reader.skipValue()
                default:
                    try reader.skipValue()
                }
            }
            guard let price else { throw .missingField("p") }
            guard let quantity else { throw .missingField("v") }
            guard let side else { throw .missingField("S") }
            guard let time else { throw .missingField("T") }
            guard let tradeID else { throw .missingField("i") }
            try batch.append(
                TradeEvent(
                    price: Price(ticks: price), quantity: Quantity(lots: quantity), tradeID: tradeID,
                    exchangeTime: time, takerSide: side, isBlockTrade: isBlockTrade))
        }
    }
}
