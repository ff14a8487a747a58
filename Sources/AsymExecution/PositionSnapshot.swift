public import AsymCore

/// One instrument's position and the account around it at one moment, as a POD journal record
/// (`JournalRecordType.positionSnapshot`); the sequence of snapshots is the equity curve.
public struct PositionSnapshot: Sendable, BitwiseCopyable, Equatable {
    /// When it was taken (engine clock, ns).
    public var time: Int64
    public var instrument: InstrumentID
    /// Signed lots: positive long, negative short.
    public var lots: Int64
    /// Average entry, ticks (0 when flat).
    public var averageEntryPrice: Double
    /// Last mark (mid), ticks.
    public var markPrice: Double
    /// Realised PnL before fees and fees paid, since the book started (quote).
    public var realizedPnL: Double
    public var fees: Double
    /// Unrealised PnL of this position at the mark (quote).
    public var unrealizedPnL: Double
    /// The account: wallet balance, equity and its peak (quote).
    public var walletBalance: Double
    public var equity: Double
    public var peakEquity: Double

    /// The snapshot of `instrument` in `book` at `time`.
    public init(_ book: PositionBook, instrument: InstrumentID, at time: Int64) {
        let position = book[instrument]
        self.time = time
        self.instrument = instrument
        lots = position.lots
        averageEntryPrice = position.averageEntryPrice
        markPrice = position.markPrice
        realizedPnL = position.realizedPnL
        fees = position.fees
        unrealizedPnL = position.unrealizedPnL(at: position.markPrice)
        walletBalance = book.walletBalance
        equity = book.equity
        peakEquity = book.peakEquity
    }
}
