public import AsymBook
public import AsymCore
public import AsymRing
public import AsymVenues

/// Turns one venue connection's raw frames into books: decode → sequence → apply, with no
/// allocation after warm-up.
///
/// Generic over the venue's rules (and so its codec): every call is specialised and direct.
/// A gap or checksum mismatch invalidates only that instrument's book and raises its resync flag;
/// a valid snapshot returns it to normal. Binance deltas that arrive before the snapshot are held
/// in `PendingFrames` and replayed once it lands, exactly as the venue documents.
public final class MarketDataProcessor<Rules: VenueSequencing> {
    /// The venue's codec.
    public let codec: Rules.Codec
    /// The last decoded frame (levels, trades, header); valid until the next `process` call.
    public let batch: FrameBatch
    /// One book per registered instrument, indexed by `InstrumentID`.
    /// The books, borrowed in place: `processor.books[id]` passed to a `borrowing` parameter copies nothing (a
    /// copy of a book would retain and release its four storage buffers).
    @inlinable public var books: BookSet {
        _read { yield storedBooks }
    }
    /// Counters since start.
    @inlinable public var counters: FeedCounters { storedCounters }
    /// Instruments whose book needs a resync (a REST snapshot or a resubscribe); the feed clears them.
    @inlinable public var resyncRequested: [Bool] { storedResyncRequested }

    // `@exclusivity(unchecked)`: one thread owns a processor (the engine thread); dynamic exclusivity
    // checks on every counter and book access cost more than the work they guard.
    @usableFromInline @exclusivity(unchecked) var storedBooks: BookSet
    @usableFromInline @exclusivity(unchecked) var storedCounters = FeedCounters()
    @usableFromInline @exclusivity(unchecked) var storedResyncRequested: [Bool]
    /// The instrument a symbol-less REST depth snapshot belongs to (Binance recordings are one file per symbol).
    public var restSnapshotInstrument = InstrumentID(0)

    @usableFromInline @exclusivity(unchecked) var rules: Rules
    @usableFromInline @exclusivity(unchecked) var pending = PendingFrames()
    @usableFromInline let scales: [(prices: FixedPointScale, sizes: FixedPointScale)]
    @usableFromInline @exclusivity(unchecked) var checksumBids: [BookLevel]
    @usableFromInline @exclusivity(unchecked) var checksumAsks: [BookLevel]
    @usableFromInline @exclusivity(unchecked) var everSynchronised: [Bool]
    @usableFromInline let symbolBytes: [[UInt8]]
    /// `symbolBytes` lower-cased once (Binance stream names), so the error path allocates nothing either.
    @usableFromInline let lowercaseSymbolBytes: [[UInt8]]

    /// A processor for `instruments`, registered with dense ids in order.
    public init(codec: Rules.Codec, instruments: [Instrument], batch: FrameBatch = FrameBatch()) {
        self.codec = codec
        self.batch = batch
        storedBooks = BookSet(count: instruments.count)
        storedResyncRequested = Array(repeating: false, count: instruments.count)
        everSynchronised = Array(repeating: false, count: instruments.count)
        rules = Rules(instrumentCount: instruments.count)
        scales = instruments.map { ($0.priceScale, $0.quantityScale) }
        symbolBytes = instruments.map { Array($0.symbol.utf8) }
        lowercaseSymbolBytes = symbolBytes.map { $0.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
        checksumBids = Array(repeating: BookLevel(price: .zero, quantity: .zero), count: OKXChecksum.levelsPerSide)
        checksumAsks = checksumBids
    }

    /// Processes one frame received at `receiveTime` (ns).
    @inlinable
    public func process(_ frame: UnsafeRawBufferPointer, receiveTime: Int64) -> FrameOutcome {
        storedCounters.frames &+= 1
        storedCounters.bytes &+= frame.count
        do {
            try Rules.decode(codec, frame, restInstrument: restSnapshotInstrument, into: batch)
        } catch {
            return decodeFailed(frame)
        }
        return handleDecoded(frame, receiveTime: receiveTime, replaying: false)
    }

    @inlinable
    func handleDecoded(_ frame: UnsafeRawBufferPointer, receiveTime: Int64, replaying: Bool) -> FrameOutcome {
        let header = batch.header
        switch header.kind {
        case .bookSnapshot, .bookDelta:
            return sequenceBookFrame(frame, header: header, receiveTime: receiveTime, replaying: replaying)
        case .trade:
            storedCounters.trades &+= batch.trades.count
            return .trades(header.instrument)
        case .subscribeAck, .pong, .ping, .notice, .error:
            storedCounters.controlMessages &+= 1
            return .control
        case .bestBidOffer, .ignored, .none:
            storedCounters.ignored &+= 1
            return .noChange
        }
    }

    @inlinable
    func sequenceBookFrame(_ frame: UnsafeRawBufferPointer, header: FrameHeader, receiveTime: Int64,
                           replaying: Bool) -> FrameOutcome {
        let instrument = header.instrument
        switch rules.action(for: header) {
        case .apply:
            return apply(instrument, reset: false, checksum: header.checksum, receiveTime: receiveTime)
        case .resetThenApply:
            let outcome = apply(instrument, reset: true, checksum: header.checksum, receiveTime: receiveTime)
            drainPending(instrument)
            return outcome
        case .buffer:
            if replaying { return .noChange }
            if pending.hold(frame, instrument: instrument, receiveTime: receiveTime) {
                storedCounters.buffered &+= 1
            } else {
                storedCounters.bufferOverflows &+= 1
                pending.discard(instrument)
                rules.invalidate(instrument)
                storedResyncRequested[Int(instrument.rawValue)] = true
            }
            return .noChange
        case .drop:
            storedCounters.dropped &+= 1
            return .noChange
        case .gap, .retrySnapshot:
            markGap(instrument)
            if rules.gapEventStartsBuffer && !replaying {
                _ = rules.action(for: header)  // the gap event opens the new buffer
                if pending.hold(frame, instrument: instrument, receiveTime: receiveTime) { storedCounters.buffered &+= 1 }
            }
            return .gap(instrument)
        }
    }

    @inlinable
    func apply(_ instrument: InstrumentID, reset: Bool, checksum: Int32?, receiveTime: Int64) -> FrameOutcome {
        let index = Int(instrument.rawValue)
        var resynced = false
        var crossing = BookCrossing.none
        var usable = false
        modifyBook(instrument) { book in
            if reset {
                resynced = book.status != .valid && everSynchronised[index]
                book.reset()
            }
            batch.forEachLevel(of: .bid) { book.apply(side: .bid, price: $0.price, quantity: $0.quantity) }
            batch.forEachLevel(of: .ask) { book.apply(side: .ask, price: $0.price, quantity: $0.quantity) }
            book.endFrame(at: receiveTime)
            // Read here, inside the one access: `books[instrument]` later would copy the whole book.
            crossing = book.crossing
            usable = book.isUsable
        }
        if reset {
            everSynchronised[index] = true
            storedResyncRequested[index] = false
            if resynced { storedCounters.resyncs &+= 1 }
        }
        storedCounters.bookUpdates &+= 1
        storedCounters.levelUpdates &+= batch.bids.count &+ batch.asks.count
        // `checksum` comes from the caller's header copy rather than a second copy of `batch.header`.
        if let checksum, checksum != 0, !checksumMatches(instrument, checksum) {
            storedCounters.checksumMismatches &+= 1
            markGap(instrument)
            return .gap(instrument)
        }
        if crossing != .none { storedCounters.crossed &+= 1 }
        return usable ? .bookUpdated(instrument) : .bookUnusable(instrument)
    }

    /// One exclusive access to the instrument's book for a whole frame (not one per level).
    @inlinable
    func modifyBook(_ instrument: InstrumentID, _ body: (inout OrderBook) -> Void) {
        body(&storedBooks[instrument])
    }

    /// Replays held frames of `instrument` through the rules after its snapshot.
    @inlinable
    func drainPending(_ instrument: InstrumentID) {
        guard pending.count > 0 else { return }
        pending.drain(instrument) { frame, receiveTime in
            do {
                try Rules.decode(codec, frame, restInstrument: restSnapshotInstrument, into: batch)
            } catch {
                storedCounters.decodeErrors &+= 1
                return
            }
            _ = handleDecoded(frame, receiveTime: receiveTime, replaying: true)
        }
    }

    @usableFromInline
    func markGap(_ instrument: InstrumentID) {
        storedCounters.gaps &+= 1
        rules.invalidate(instrument)
        modifyBook(instrument) { $0.invalidate() }
        storedResyncRequested[Int(instrument.rawValue)] = true
    }

    /// OKX's CRC32 over the top 25 levels per side, with prices and sizes in their shortest text.
    @usableFromInline
    func checksumMatches(_ instrument: InstrumentID, _ expected: Int32) -> Bool {
        let book = books[instrument]
        var bidCount = 0
        var askCount = 0
        book.forEachLevel(side: .bid, maxLevels: OKXChecksum.levelsPerSide) { level in
            checksumBids[bidCount] = level
            bidCount += 1
        }
        book.forEachLevel(side: .ask, maxLevels: OKXChecksum.levelsPerSide) { level in
            checksumAsks[askCount] = level
            askCount += 1
        }
        let scale = scales[Int(instrument.rawValue)]
        do {
            try OKXChecksum.verify(expected, bids: checksumBids[0..<bidCount], asks: checksumAsks[0..<askCount],
                                   priceScale: scale.prices, quantityScale: scale.sizes)
            return true
        } catch {
            return false
        }
    }

    /// A frame that could not be decoded may have carried book state: every book it could belong to
    /// (the instruments whose symbol appears in it, or all when none does) is invalidated.
    @usableFromInline
    func decodeFailed(_ frame: UnsafeRawBufferPointer) -> FrameOutcome {
        storedCounters.decodeErrors &+= 1
        var matched = false
        for index in 0..<books.count {
            guard frameMentions(frame, symbolBytes[index], lowercased: lowercaseSymbolBytes[index]) else { continue }
            matched = true
            markGap(InstrumentID(UInt16(index)))
        }
        if !matched {
            for index in 0..<books.count where books[InstrumentID(UInt16(index))].status == .valid {
                markGap(InstrumentID(UInt16(index)))
            }
        }
        return .decodeError
    }

    @usableFromInline
    func frameMentions(_ frame: UnsafeRawBufferPointer, _ symbol: [UInt8], lowercased lowered: [UInt8]) -> Bool {
        guard !symbol.isEmpty, frame.count >= symbol.count else { return false }
        for start in 0...(frame.count - symbol.count) {
            var upperMatch = true
            var lowerMatch = true
            for offset in 0..<symbol.count {
                let byte = frame[start + offset]
                if byte != symbol[offset] { upperMatch = false }
                if byte != lowered[offset] { lowerMatch = false }
                if !upperMatch && !lowerMatch { break }
            }
            if upperMatch || lowerMatch { return true }
        }
        return false
    }

    /// Marks a resync request handled (the feed fetched a snapshot or resubscribed).
    public func acknowledgeResync(_ instrument: InstrumentID) {
        storedResyncRequested[Int(instrument.rawValue)] = false
    }
}
