import AsymBook
public import AsymCore
public import AsymVenues

/// The instruments and codec for one venue, built from the instrument catalog.
public struct MarketDataSession: Sendable {
    /// The venue.
    public let venue: Venue
    /// Registered instruments; an instrument's index is its `InstrumentID`.
    public let instruments: [Instrument]

    /// A session for `symbols` on `venue` (default: the venue's default symbols) from the embedded catalog.
    public init(venue: Venue, symbols: [String]? = nil) throws {
        self.venue = venue
        instruments = try InstrumentCatalog.embedded(venue: venue, symbols: symbols ?? InstrumentCatalog.defaultSymbols(for: venue))
    }

    /// A session over explicit instruments.
    public init(venue: Venue, instruments: [Instrument]) {
        self.venue = venue
        self.instruments = instruments
    }

    /// The symbol table the codecs use.
    public var symbolTable: SymbolTable {
        var table = SymbolTable()
        for (index, instrument) in instruments.enumerated() { table.register(instrument, as: InstrumentID(UInt16(index))) }
        return table
    }

    /// The instrument id of `symbol` (case-insensitive), if registered.
    public func instrumentID(of symbol: String) -> InstrumentID? {
        instruments.firstIndex { $0.symbol.lowercased() == symbol.lowercased() }.map { InstrumentID(UInt16($0)) }
    }

    /// Guesses the symbol of an hftbacktest collector file (`btcusdt_20260101.gz`) from its name.
    public func instrumentID(forRecording path: String) -> InstrumentID? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        return instruments.indices.first { name.hasPrefix(instruments[$0].symbol.lowercased()) }
            .map { InstrumentID(UInt16($0)) }
    }
}

/// Calls `body` with a processor specialised for `session.venue`; the one place that switches on the venue.
public protocol MarketDataVisitor {
    associatedtype Result
    func visit<Rules: VenueSequencing>(_ processor: MarketDataProcessor<Rules>) throws -> Result
}

extension MarketDataSession {
    /// Builds the venue's processor and hands it to `visitor`.
    public func withProcessor<Visitor: MarketDataVisitor>(_ visitor: Visitor) throws -> Visitor.Result {
        let symbols = symbolTable
        switch venue {
        case .bybit:
            return try visitor.visit(MarketDataProcessor<BybitSequencing>(codec: BybitCodec(symbols: symbols), instruments: instruments))
        case .binance:
            return try visitor.visit(MarketDataProcessor<BinanceSequencing>(codec: BinanceCodec(symbols: symbols), instruments: instruments))
        case .okx:
            return try visitor.visit(MarketDataProcessor<OKXSequencing>(codec: OKXCodec(symbols: symbols), instruments: instruments))
        }
    }
}
