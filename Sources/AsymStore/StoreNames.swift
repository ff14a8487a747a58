import AsymCore
import AsymExecution
import AsymRisk

/// The exported names of enums that do not carry one of their own (the rest use their `description`).
enum StoreNames {
    static func name(_ kind: IntentKind) -> String {
        switch kind {
        case .entry: "entry"
        case .exit: "exit"
        case .cancel: "cancel"
        }
    }

    static func name(_ side: TakerSide) -> String {
        switch side {
        case .buy: "buy"
        case .sell: "sell"
        }
    }

    static func name(_ liquidity: Liquidity) -> String {
        switch liquidity {
        case .none: "none"
        case .maker: "maker"
        case .taker: "taker"
        }
    }

    static func name(_ cause: HaltCause) -> String {
        switch cause {
        case .none: "none"
        case .killSwitch: "kill_switch"
        case .dailyLoss: "daily_loss"
        case .drawdown: "drawdown"
        case .consecutiveLosses: "consecutive_losses"
        case .rejectStorm: "reject_storm"
        case .manual: "manual"
        }
    }

    /// A 64-bit unsigned value as decimal text (trade ids and hashes may exceed `Int64.max`).
    static func text(_ value: UInt64) -> String { String(value) }

    /// A config hash as 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
