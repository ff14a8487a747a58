/// Why `BybitOrderGateway.start` failed: the gateway trades only with its private stream authenticated and
/// subscribed, because fills and cancels are learnt there.
public enum BybitGatewayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The private stream could not be connected.
    case streamUnavailable(String)
    /// The venue refused the stream's auth (a wrong key or secret, or clock skew).
    case authenticationRejected(String)
    /// The venue refused the subscription.
    case subscriptionRejected(String)
    /// No answer to auth or subscribe in time.
    case timedOut
    /// An instrument the gateway should trade is not a Bybit instrument.
    case wrongVenue(String)

    public var description: String {
        switch self {
        case .streamUnavailable(let reason): "Bybit private stream unavailable: \(reason)"
        case .authenticationRejected(let reason): "Bybit refused the API key or signature: \(reason)"
        case .subscriptionRejected(let reason): "Bybit refused the order/execution subscription: \(reason)"
        case .timedOut: "Bybit private stream: no auth/subscribe answer in time"
        case .wrongVenue(let symbol): "\(symbol) is not a Bybit instrument"
        }
    }
}
