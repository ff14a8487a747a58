public import AsymCore
import AsymRisk

/// Positions of every instrument (one-way mode) and the account they sit in: wallet balance, equity at
/// the latest marks, and its peak.
///
/// The paper ledger: in paper trading and backtests it is the truth the engine confirms to
/// `RiskGate.confirmPosition`; live, the venue's position reports are the truth and this is checked
/// against them. Fill and mark updates are O(1) and allocation-free.
public struct PositionBook: Sendable {
    public internal(set) var positions: [Position]
    /// Starting balance + realised PnL − fees (quote).
    public internal(set) var walletBalance: Double
    /// Σ unrealised PnL at the latest marks (quote).
    public internal(set) var unrealizedPnL: Double = 0
    /// The highest equity seen.
    public internal(set) var peakEquity: Double

    /// A flat book over `instruments` (indexed by `InstrumentID`).
    public init(instruments: [InstrumentValuation], startingBalance: Double, leverage: Int = 10) {
        positions = instruments.indices.map {
            Position(instrument: InstrumentID(UInt16($0)), valuation: instruments[$0], leverage: leverage)
        }
        walletBalance = startingBalance
        peakEquity = startingBalance
    }

    /// Wallet balance plus unrealised PnL (quote).
    public var equity: Double { walletBalance + unrealizedPnL }

    public subscript(instrument: InstrumentID) -> Position { positions[Int(instrument.rawValue)] }

    /// Applies a `.fill` event (other kinds change nothing).
    @discardableResult
    public mutating func apply(_ event: ExecutionEvent) -> PositionChange {
        guard event.kind == .fill else { return PositionChange() }
        return applyFill(instrument: event.instrument, side: event.side, price: event.price, lots: event.lots,
                         fee: event.fee, at: event.time)
    }

    /// Applies one fill.
    @discardableResult
    public mutating func applyFill(instrument: InstrumentID, side: TakerSide, price: Int64, lots: Int64, fee: Double,
                                   at time: Int64) -> PositionChange {
        let index = Int(instrument.rawValue)
        let before = positions[index].unrealizedPnL
        let change = positions[index].apply(side: side, price: price, lots: lots, fee: fee, at: time)
        if positions[index].markPrice == 0 { positions[index].markPrice = Double(price) }
        walletBalance += change.realizedPnL - change.fee
        unrealizedPnL += positions[index].unrealizedPnL - before
        peakEquity = max(peakEquity, equity)
        return change
    }

    /// A new mark (mid) price in ticks for `instrument`.
    public mutating func mark(_ instrument: InstrumentID, price: Double) {
        let index = Int(instrument.rawValue)
        let before = positions[index].unrealizedPnL
        positions[index].markPrice = price
        unrealizedPnL += positions[index].unrealizedPnL - before
        peakEquity = max(peakEquity, equity)
    }

    /// The leverage the venue confirmed for `instrument`.
    public mutating func setLeverage(_ instrument: InstrumentID, leverage: Int) {
        positions[Int(instrument.rawValue)].leverage = max(1, leverage)
    }

    /// Σ isolated margin of open positions (quote).
    /// - Complexity: O(instruments).
    public var marginInUse: Double { positions.reduce(0) { $0 + $1.margin } }
}
