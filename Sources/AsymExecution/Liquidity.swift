/// Whether a fill added liquidity (maker fee) or took it (taker fee).
public enum Liquidity: UInt8, Sendable, BitwiseCopyable {
    case none
    case maker
    case taker
}
