/// Bybit's `orderType` and `timeInForce` together (docs "Enums": `GTC`, `IOC`, `FOK`, `PostOnly`; a market order is
/// always IOC).
public enum BybitOrderType: Sendable, Equatable {
    case market
    case limit
    case postOnly
    case immediateOrCancel
    case fillOrKill

    var isMarket: Bool { self == .market }

    var timeInForce: String {
        switch self {
        case .limit: "GTC"
        case .market, .immediateOrCancel: "IOC"
        case .fillOrKill: "FOK"
        case .postOnly: "PostOnly"
        }
    }
}
