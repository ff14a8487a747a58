/// Which strategy produced a signal: a one-byte tag, open so new strategies can add their own.
public struct SignalSource: RawRepresentable, Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `ImbalanceMomentumStrategy`.
    public static let imbalanceMomentum = SignalSource(rawValue: 1)
    /// `MeanReversionStrategy`.
    public static let meanReversion = SignalSource(rawValue: 2)
    /// `BreakoutStrategy`.
    public static let breakout = SignalSource(rawValue: 3)

    public var description: String {
        switch self {
        case .imbalanceMomentum: "imbalance-momentum"
        case .meanReversion: "mean-reversion"
        case .breakout: "breakout"
        default: "source-\(rawValue)"
        }
    }
}
