/// What a non-zero Bybit `retCode` means to an order gateway (docs "Error codes", PROTOCOLS.md §1 "Errors &
/// limits"). HTTP 200 does not mean success: every reply's `retCode` is checked.
public enum BybitFailure: Equatable, Sendable {
    /// 10006, 10018 (per-UID or IP limit), 10429 (system protection): back off, the order was not placed.
    case rateLimited
    /// 10002: the request's timestamp is outside the receive window (clock skew).
    case timestampOutsideWindow
    /// 10003 invalid key, 10004 bad signature, 10005 permission denied, 10010 IP not whitelisted.
    case authentication
    /// 110004, 110006, 110007, 110012, 110044, 110045: not enough balance or margin.
    case insufficientMargin
    /// 10001 parameter error, 110003 price out of range, 110017 quantity truncated to zero, 110094 notional too small.
    case invalidOrder
    /// 110072: the `orderLinkId` was used before.
    case duplicateOrderLinkID
    /// 110001: no such order (a cancel of an order that already ended, or never arrived).
    case orderNotFound
    /// Any other code.
    case other(Int64)

    /// The failure a `retCode` reports; nil for 0 (success).
    public init?(retCode: Int64) {
        switch retCode {
        case 0: return nil
        case 10006, 10018, 10429: self = .rateLimited
        case 10002: self = .timestampOutsideWindow
        case 10003, 10004, 10005, 10010: self = .authentication
        case 110004, 110006, 110007, 110012, 110044, 110045: self = .insufficientMargin
        case 10001, 110003, 110017, 110094: self = .invalidOrder
        case 110072: self = .duplicateOrderLinkID
        case 110001: self = .orderNotFound
        default: self = .other(retCode)
        }
    }
}
