import AsymCore
import AsymExecution
import AsymJournal
import AsymRisk
import AsymSignals
import Testing

/// Journals written record by record with the engine's real payload structs, for cases the engine does not
/// produce on demand (replay positions, damaged records, a journal that grows between ingests).
struct HandJournal {
    static let second: Int64 = 1_000_000_000
    let journal: Journal
    var book = PositionBook(instruments: [InstrumentValuation(quotePerTick: 0.1, basePerLot: 0.001)],
                            startingBalance: 1_000)

    /// Opens (or reopens, continuing its sequence) the journal in `directory`, runs `body`, closes it.
    static func write(_ directory: String, _ body: (inout HandJournal) throws -> Void) throws {
        let journal = try Journal(configuration: JournalConfiguration(directory: directory))
        journal.start()
        var writer = HandJournal(journal: journal)
        try body(&writer)
        try journal.close()
    }

    @discardableResult
    func append<Event: BitwiseCopyable>(_ event: Event, _ type: JournalRecordType, at time: Int64) throws -> UInt64 {
        try #require(journal.append(event, type: type, time: time))
    }

    @discardableResult
    func append(bytes: [UInt8], _ type: JournalRecordType, at time: Int64) throws -> UInt64 {
        try #require(bytes.withUnsafeBytes { journal.append(bytes: $0, type: type, time: time) })
    }

    static func orderID(_ number: UInt64) -> ClientOrderID { ClientOrderID(epoch: 1, sequence: number) }

    static func event(_ number: UInt64, _ kind: ExecutionEventKind, _ state: OrderState, at time: Int64,
                      lots: Int64 = 10, filled: Int64 = 0, tradeID: UInt64 = 0, fee: Double = 0,
                      reason: OrderRejectReason = .none) -> ExecutionEvent {
        ExecutionEvent(time: time, clientOrderID: orderID(number), tradeID: tradeID, price: 100_000 + Int64(number),
                       lots: lots, filledLots: filled, fee: fee, instrument: InstrumentID(0), kind: kind, state: state,
                       side: number % 2 == 0 ? .buy : .sell,
                       liquidity: kind == .fill ? .taker : .none, reason: reason, intent: .entry)
    }

    /// The limits hash that opens a run.
    func run(hash: UInt64, at time: Int64) throws { try append(hash, .configHash, at: time) }

    /// One order's life: a signal, an approval and a denial, submission, ack, two fills with a snapshot after
    /// each, a trading-state change and the replay position: 11 records.
    mutating func trade(_ number: UInt64, at start: Int64) throws {
        var time = start
        func next() -> Int64 {
            time += 1_000
            return time
        }
        let signal = Signal(instrument: InstrumentID(0), direction: .long, source: .breakout, regime: .trendingUp,
                            confidence: 0.8, expectedEdgeBasisPoints: 3, spoofScore: 0.1, riskPenalty: 0.2,
                            atrFraction: 0.01, stopTicks: 50, takeProfitTicks: 100, referencePriceTicks: 100_000,
                            createdAt: time, frameReceiveTime: time)
        try append(signal, .signal, at: next())
        try append(RiskDecisionRecord(decision: number, time: time, kind: .entry, direction: .long, lots: 10,
                                      equity: book.equity), .riskApproved, at: next())
        try append(RiskDecisionRecord(decision: number + 1_000, time: time, kind: .entry, direction: .short,
                                      reason: DenialReason.spoofScoreTooHigh.rawValue), .riskDenied, at: next())
        try append(Self.event(number, .submitted, .submitted, at: time), .orderSubmitted, at: next())
        try append(Self.event(number, .acked, .acked, at: time), .orderStateChange, at: next())
        for (lots, filled, state) in [(Int64(4), Int64(4), OrderState.partiallyFilled), (6, 10, .filled)] {
            let fill = Self.event(number, .fill, state, at: next(), lots: lots, filled: filled,
                                  tradeID: number * 10 + UInt64(filled), fee: Double(lots) * 0.01)
            try append(fill, .fill, at: time)
            _ = book.apply(fill)
            book.mark(InstrumentID(0), price: Double(fill.price + 5))
            try append(PositionSnapshot(book, instrument: InstrumentID(0), at: time), .positionSnapshot, at: next())
        }
        try append(TradingStateRecord(state: .reducing, cause: .none), .tradingStateChange, at: next())
        try append(ReplayPositionRecord(line: Int64(number) * 100, receiveTime: time), .replayPosition, at: next())
    }
}
