/// Why a venue (or the router, for a request it could not send) refused or ended an order; a number in
/// the journal, never a string.
public enum OrderRejectReason: UInt8, Sendable, BitwiseCopyable, CustomStringConvertible {
    case none = 0
    /// A post-only order would have taken liquidity.
    case postOnlyWouldTake
    /// The client id was used before (venues dedupe by it: the basis of idempotent submits).
    case duplicateClientOrderID
    case unknownInstrument
    /// A reduce-only order with no position to reduce.
    case reduceOnlyWouldIncrease
    /// The venue was not reachable; the request never left.
    case notSent
    /// A query found no trace of the order: the venue never received it.
    case neverReceived
    /// The paper venue's order table is full.
    case venueCapacity
    /// A cancel found no open order with that id.
    case cancelTargetNotOpen
    /// Fill-or-kill could not fill in full.
    case fillOrKillUnfillable
    /// Market, IOC and FOK remainders are cancelled, never rested.
    case immediateRemainder
    /// The remainder of a market order when the book ran out.
    case noLiquidity
    /// A live venue: not enough balance or margin.
    case insufficientMargin
    /// A live venue: a parameter the venue refused (quantity step, price band, minimum notional).
    case invalidOrder
    /// A live venue's rate limit: the request was not processed.
    case rateLimited
    /// A live venue refused the key, the signature or the timestamp (clock skew): nothing will pass until fixed.
    case authenticationFailed
    /// A live venue's refusal with no more specific reason here (its code is in the gateway's log).
    case venueRejected

    public var description: String {
        switch self {
        case .none: "none"
        case .postOnlyWouldTake: "post_only_would_take"
        case .duplicateClientOrderID: "duplicate_client_order_id"
        case .unknownInstrument: "unknown_instrument"
        case .reduceOnlyWouldIncrease: "reduce_only_would_increase"
        case .notSent: "not_sent"
        case .neverReceived: "never_received"
        case .venueCapacity: "venue_capacity"
        case .cancelTargetNotOpen: "cancel_target_not_open"
        case .fillOrKillUnfillable: "fill_or_kill_unfillable"
        case .immediateRemainder: "immediate_remainder"
        case .noLiquidity: "no_liquidity"
        case .insufficientMargin: "insufficient_margin"
        case .invalidOrder: "invalid_order"
        case .rateLimited: "rate_limited"
        case .authenticationFailed: "authentication_failed"
        case .venueRejected: "venue_rejected"
        }
    }
}
