public import AsymCore

/// Venue symbol → instrument, filled once at start-up and read on every frame without `String`s.
///
/// Each venue codec owns one table spelled the way that venue spells symbols (Bybit and Binance
/// `BTCUSDT`, OKX `BTC-USDT-SWAP`). Lookups compare packed `SymbolKey` words; a frame for a symbol
/// that was never registered decodes as `MessageKind.ignored` (replays of multi-symbol recordings
/// skip what they do not trade, instead of failing).
/// - Complexity: lookup is O(registered symbols) word compares; tables hold a handful of instruments.
public struct SymbolTable: Sendable {
    /// What the codecs need to know about one registered instrument.
    public struct Entry: Sendable {
        /// The engine's id for the instrument.
        public var instrument: InstrumentID
        /// Scale of prices.
        public var priceScale: FixedPointScale
        /// Scale of sizes.
        public var quantityScale: FixedPointScale
        @usableFromInline var key: SymbolKey
    }

    @usableFromInline var entries: ContiguousArray<Entry> = []

    /// An empty table.
    public init() {}

    /// Registers `symbol` as `instrument` with the given scales.
    ///
    /// Traps on a symbol longer than 32 bytes or registered twice: both are start-up configuration errors.
    public mutating func register(
        symbol: String, instrument: InstrumentID, priceScale: FixedPointScale, quantityScale: FixedPointScale
    ) {
        guard let key = SymbolKey(symbol) else { preconditionFailure("symbol longer than 32 bytes: \(symbol)") }
        precondition(!entries.contains { $0.key == key }, "symbol registered twice: \(symbol)")
        entries.append(Entry(instrument: instrument, priceScale: priceScale, quantityScale: quantityScale, key: key))
    }

    /// Registers `instrument` (its symbol and scales) as `id`.
    public mutating func register(_ instrument: Instrument, as id: InstrumentID) {
        register(
            symbol: instrument.symbol, instrument: id, priceScale: instrument.priceScale,
            quantityScale: instrument.quantityScale)
    }

    /// Number of registered symbols.
    public var count: Int { entries.count }

    /// The entry for `key`, if registered.
    @inlinable @inline(__always)
    public func entry(for key: SymbolKey) -> Entry? {
        for entry in entries where entry.key == key {
            return entry
        }
        return nil
    }

    /// The entry registered for `instrument`, if any.
    @inlinable
    public func entry(for instrument: InstrumentID) -> Entry? {
        for entry in entries where entry.instrument == instrument {
            return entry
        }
        return nil
    }
}
