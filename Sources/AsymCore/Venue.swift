/// The exchanges asym speaks to.
public enum Venue: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    /// Bybit V5, USDT perpetuals (`category=linear`).
    case bybit
    /// Binance USD-M futures (`fapi`).
    case binance
    /// OKX V5 perpetual swaps (`instType=SWAP`).
    case okx

    /// Lower-case name, as used on the command line and in config.
    public var description: String {
        switch self {
        case .bybit: "bybit"
        case .binance: "binance"
        case .okx: "okx"
        }
    }

    /// Parses a lower-case venue name.
    public init?(name: String) {
        guard let venue = Venue.allCases.first(where: { $0.description == name.lowercased() }) else { return nil }
        self = venue
    }
}
