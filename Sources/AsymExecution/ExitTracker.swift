import AsymCore

/// What the exit manager remembers about one instrument's position.
struct ExitTracker: BitwiseCopyable {
    var active = false
    var direction = TradeDirection.long
    var entryPrice = 0.0
    var openingLots: Int64 = 0
    var openedAt: Int64 = 0
    var stopPrice = 0.0
    var takeProfitPrice = 0.0
    var peakProfit = 0.0
    var trailingArmed = false
    var stopAtBreakEven = false
    var partialsTaken = 0
    /// An exit was handed out and has not been answered (position change or `exitNotTaken`).
    var exitInFlight = false
    var inFlightWasPartial = false
}
