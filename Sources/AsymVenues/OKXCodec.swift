public import AsymCore

/// Decodes OKX V5 public frames: `books`, `books5`, `bbo-tbt`, `books-l2-tbt`, `books50-l2-tbt`,
/// `trades`, `event` replies (`subscribe`, `error`, `notice`) and the literal text `ping`/`pong`.
///
/// Formats from www.okx.com/docs-v5/en "WS / Order book channel" and "WS / Trades channel" and the
/// WebSocket overview (PROTOCOLS.md §3). The heartbeat is plain text, not JSON (G6), and is
/// recognised before JSON parsing. The book `checksum` is exposed in the header, not verified here:
/// it covers the book *after* the push is applied, so the owner of the book checks it with
/// `OKXChecksum`. `data` arriving before `arg` is decoded afterwards from its remembered offset.
public struct OKXCodec: FrameCodec {
    public static var venue: Venue { .okx }

    /// Symbols to decode, spelled as OKX `instId` (`BTC-USDT-SWAP`).
    public let symbols: SymbolTable
    /// Frame size and nesting bounds.
    public let limits: DecodeLimits

    /// A codec for the instruments in `symbols`.
    public init(symbols: SymbolTable, limits: DecodeLimits = DecodeLimits()) {
        self.symbols = symbols
        self.limits = limits
    }

    @usableFromInline
    enum Channel {
        case none, books, books5, bboTbt, booksL2Tbt, books50L2Tbt, trades, other

        @inlinable
        var isBook: Bool {
            switch self {
            case .books, .books5, .bboTbt, .booksL2Tbt, .books50L2Tbt: true
            default: false
            }
        }
    }

    @inlinable
    public func decode(_ frame: UnsafeRawBufferPointer, into batch: FrameBatch) throws(DecodeError) {
        guard frame.count <= limits.maximumFrameBytes else { throw .frameTooLarge(frame.count) }
        batch.reset(venue: .okx)
        var reader = JSONByteReader(frame, maximumDepth: limits.maximumDepth)
        do {
            reader.readWhitespace()
            if reader.getByte(at: reader.readerIndex) == UInt8(ascii: "p") {
                try decodeHeartbeat(&reader, into: batch)
            } else {
                try decodeMessage(&reader, into: batch)
            }
        } catch {
            batch.header.kind = .none
            throw error
        }
    }

    /// The text frames `pong` (reply to our `ping`) and `ping`.
    @inlinable
    func decodeHeartbeat(_ reader: inout JSONByteReader, into batch: FrameBatch) throws(DecodeError) {
        let start = reader.readerIndex
        var end = reader.count
        while end > start, let last = reader.getByte(at: end - 1), last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 {
            end -= 1
        }
        if reader.getBytes(start..<end, equal: "pong") {
            batch.header.kind = .pong
        } else if reader.getBytes(start..<end, equal: "ping") {
            batch.header.kind = .ping
        } else {
            throw .unexpectedByte(UInt8(ascii: "p"), offset: start)
        }
    }

    @inlinable
    func decodeMessage(_ reader: inout JSONByteReader, into batch: FrameBatch) throws(DecodeError) {
        try reader.readObjectStart()
        var channel = Channel.none
        var entry: SymbolTable.Entry?
        var action: Bool?  // true: snapshot, false: update
        var dataDecoded = false
        var deferredData: (offset: Int, depth: Int)?
        var event: Range<Int>?
        var first = true
        while let key = try reader.readMemberKey(isFirst: &first) {
            if reader.getBytes(key, equal: "data") {
                if channel == .none {
                    deferredData = (reader.readerIndex, reader.currentDepth)
                    try reader.skipValue()
                } else if let entry, channel != .other {
                    try decodeData(&reader, channel: channel, entry: entry, into: batch)
                    dataDecoded = true
                } else {
                    try reader.skipValue()
                }
            } else if reader.getBytes(key, equal: "arg") {
                (channel, entry) = try decodeArgument(&reader, batch: batch)
            } else if reader.getBytes(key, equal: "action") {
                let range = try reader.readString()
                if reader.getBytes(range, equal: "snapshot") {
                    action = true
                } else if reader.getBytes(range, equal: "update") {
                    action = false
                } else {
                    throw .invalidValue(offset: range.lowerBound)
                }
            } else if reader.getBytes(key, equal: "event") {
                event = try reader.readString()
            } else if reader.getBytes(key, equal: "code") {
                batch.header.errorCode = try reader.readIntegerOrQuotedInteger()
            } else if reader.getBytes(key, equal: "msg") {
                batch.header.messageRange = try reader.readString()
            } else {
                try reader.skipValue()
            }
        }
        try reader.readEnd()

        if let event {
            if reader.getBytes(event, equal: "subscribe") {
                batch.header.kind = .subscribeAck
            } else if reader.getBytes(event, equal: "error") {
                batch.header.kind = .error
            } else if reader.getBytes(event, equal: "notice") {
                batch.header.kind = .notice
            } else {
                batch.header.kind = .ignored
            }
            return
        }
        if let deferredData, let entry, channel != .none, channel != .other {
            reader.moveReaderIndex(to: deferredData.offset, depth: deferredData.depth)
            try decodeData(&reader, channel: channel, entry: entry, into: batch)
            dataDecoded = true
        }
        switch channel {
        case .none:
            throw .missingField("arg")
        case .other:
            batch.header.kind = .ignored
            return
        default:
            break
        }
        guard entry != nil else { batch.header.kind = .ignored; return }
        guard dataDecoded else { throw .missingField("data") }
        switch channel {
        case .trades:
            batch.header.kind = .trade
        case .books5:
            batch.header.kind = .bookSnapshot
        case .bboTbt:
            batch.header.kind = .bestBidOffer
        default:
            guard let action else { throw .missingField("action") }
            batch.header.kind = action ? .bookSnapshot : .bookDelta
        }
    }

    /// `arg`: `{"channel","instId"}`.
    @inlinable
    func decodeArgument(_ reader: inout JSONByteReader, batch: FrameBatch) throws(DecodeError) -> (Channel, SymbolTable.Entry?) {
        try reader.readObjectStart()
        var channel = Channel.other
        var channelSeen = false
        var entry: SymbolTable.Entry?
        var first = true
        while let key = try reader.readMemberKey(isFirst: &first) {
            if reader.getBytes(key, equal: "channel") {
                let range = try reader.readString()
                channelSeen = true
                if reader.getBytes(range, equal: "books") {
                    channel = .books
                    batch.header.depth = 400
                } else if reader.getBytes(range, equal: "trades") {
                    channel = .trades
                } else if reader.getBytes(range, equal: "books5") {
                    channel = .books5
                    batch.header.depth = 5
                } else if reader.getBytes(range, equal: "bbo-tbt") {
                    channel = .bboTbt
                    batch.header.depth = 1
                } else if reader.getBytes(range, equal: "books-l2-tbt") {
                    channel = .booksL2Tbt
                    batch.header.depth = 400
                } else if reader.getBytes(range, equal: "books50-l2-tbt") {
                    channel = .books50L2Tbt
                    batch.header.depth = 50
                }
            } else if reader.getBytes(key, equal: "instId") {
                let range = try reader.readString()
                entry = reader.getSymbolKey(range).flatMap { symbols.entry(for: $0) }
                if let entry { batch.header.instrument = entry.instrument }
            } else {
                try reader.skipValue()
            }
        }
        guard channelSeen else { throw .missingField("channel") }
        return (channel, entry)
    }

    @inlinable
    func decodeData(
        _ reader: inout JSONByteReader, channel: Channel, entry: SymbolTable.Entry, into batch: FrameBatch
    ) throws(DecodeError) {
        try reader.readArrayStart()
        var first = true
        var books = 0
        while try reader.readArrayElement(isFirst: &first) {
            if channel == .trades {
                try decodeTrade(&reader, entry: entry, into: batch)
            } else {
                books += 1
                guard books == 1 else { throw .invalidValue(offset: reader.readerIndex) }
                try decodeBook(&reader, entry: entry, into: batch)
            }
        }
    }

    /// One book push: `{"asks","bids","ts","checksum","prevSeqId","seqId"}`.
    @inlinable
    func decodeBook(_ reader: inout JSONByteReader, entry: SymbolTable.Entry, into batch: FrameBatch) throws(DecodeError) {
        try reader.readObjectStart()
        var first = true
        while let key = try reader.readMemberKey(isFirst: &first) {
            if reader.getBytes(key, equal: "asks") {
                try reader.readLevels(into: batch, side: .ask, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            } else if reader.getBytes(key, equal: "bids") {
                try reader.readLevels(into: batch, side: .bid, priceScale: entry.priceScale, quantityScale: entry.quantityScale)
            } else if reader.getBytes(key, equal: "ts") {
                let offset = reader.readerIndex
                batch.header.exchangeTime = try VenueTime.nanoseconds(
                    milliseconds: reader.readIntegerOrQuotedInteger(), offset: offset)
            } else if reader.getBytes(key, equal: "seqId") {
                batch.header.sequence = try reader.readInteger()
            } else if reader.getBytes(key, equal: "prevSeqId") {
                batch.header.previousSequence = try reader.readInteger()
            } else if reader.getBytes(key, equal: "checksum") {
                let offset = reader.readerIndex
                let value = try reader.readInteger()
                guard let checksum = Int32(exactly: value) else { throw .invalidNumber(offset: offset) }
                batch.header.checksum = checksum
            } else {
                try reader.skipValue()
            }
        }
    }

    /// One trade: `{"instId","tradeId","px","sz","side","ts","count","source","seqId"}`.
    @inlinable
    func decodeTrade(_ reader: inout JSONByteReader, entry: SymbolTable.Entry, into batch: FrameBatch) throws(DecodeError) {
        try reader.readObjectStart()
        var price: Int64?
        var quantity: Int64?
        var side: TakerSide?
        var time: Int64?
        var tradeID: UInt64?
        var count: UInt32 = 1
        var first = true
        while let key = try reader.readMemberKey(isFirst: &first) {
            if reader.getBytes(key, equal: "px") {
                price = try reader.readTicks(scale: entry.priceScale)
            } else if reader.getBytes(key, equal: "sz") {
                quantity = try reader.readTicks(scale: entry.quantityScale)
            } else if reader.getBytes(key, equal: "side") {
                let range = try reader.readString()
                if reader.getBytes(range, equal: "buy") {
                    side = .buy
                } else if reader.getBytes(range, equal: "sell") {
                    side = .sell
                } else {
                    throw .invalidValue(offset: range.lowerBound)
                }
            } else if reader.getBytes(key, equal: "ts") {
                let offset = reader.readerIndex
                time = try VenueTime.nanoseconds(milliseconds: reader.readIntegerOrQuotedInteger(), offset: offset)
            } else if reader.getBytes(key, equal: "tradeId") {
                let offset = reader.readerIndex
                let value = try reader.readIntegerOrQuotedInteger()
                guard value >= 0 else { throw .invalidNumber(offset: offset) }
                tradeID = UInt64(value)
            } else if reader.getBytes(key, equal: "count") {
                let offset = reader.readerIndex
                let value = try reader.readIntegerOrQuotedInteger()
                guard let fills = UInt32(exactly: value), fills > 0 else { throw .invalidNumber(offset: offset) }
                count = fills
            } else if reader.getBytes(key, equal: "seqId") {
                batch.header.sequence = try reader.readInteger()
            } else {
                try reader.skipValue()
            }
        }
        guard let price else { throw .missingField("px") }
        guard let quantity else { throw .missingField("sz") }
        guard let side else { throw .missingField("side") }
        guard let time else { throw .missingField("ts") }
        guard let tradeID else { throw .missingField("tradeId") }
        if batch.header.exchangeTime == nil { batch.header.exchangeTime = time }
        try batch.append(
            TradeEvent(
                price: Price(ticks: price), quantity: Quantity(lots: quantity), tradeID: tradeID,
                exchangeTime: time, fillCount: count, takerSide: side))
    }
}
