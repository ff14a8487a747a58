/// Which rule produced an exit (journalled with the intent).
public enum ExitReason: UInt8, Sendable, BitwiseCopyable, CustomStringConvertible {
    case stopLoss = 1
    case takeProfit
    case trailingStop
    /// A stop that break-even moved to the entry price.
    case breakEvenStop
    case partialTakeProfit1
    case partialTakeProfit2
    case partialTakeProfit3
    case timeExit
    case emergencyStop

    public var description: String {
        switch self {
        case .stopLoss: "stop_loss"
        case .takeProfit: "take_profit"
        case .trailingStop: "trailing_stop"
        case .breakEvenStop: "break_even_stop"
        case .partialTakeProfit1: "partial_take_profit_1"
        case .partialTakeProfit2: "partial_take_profit_2"
        case .partialTakeProfit3: "partial_take_profit_3"
        case .timeExit: "time_exit"
        case .emergencyStop: "emergency_stop"
        }
    }
}
