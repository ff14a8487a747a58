import AsymCore
import Foundation

/// The brief as JSON inside the prompt (snake_case keys, sorted), and back: the loopback analysts read the
/// brief from the user message exactly as a language model would see it.
public enum MarketBriefJSON {
    /// The JSON text for `brief` (keys sorted, so the same brief is the same bytes).
    public static func encode(_ brief: MarketBrief, symbol: String) -> String {
        var object: [String: Any] = [
            "symbol": symbol,
            "instrument": Int(brief.instrument.rawValue),
            "time": brief.time,
            "price": brief.price,
            "spread_bps": brief.spreadBasisPoints,
            "regime": brief.regimeKnown ? brief.regime.description : "unknown",
            "imbalance": brief.imbalance,
            "trade_flow_imbalance": brief.tradeFlowImbalance,
            "spoof_score": brief.spoofScore,
            "risk_penalty": brief.riskPenalty,
            "realized_volatility_bps": brief.realizedVolatilityBasisPoints,
            "funding_rate": brief.hasFundingRate ? brief.fundingRate as Any : NSNull(),
            "open_interest": brief.hasOpenInterest ? brief.openInterest as Any : NSNull(),
            "open_interest_change_pct": brief.hasOpenInterest ? brief.openInterestChangePercent as Any : NSNull(),
            "recent_signals": [
                "count": Int(brief.recentSignalCount),
                "direction": Int(brief.recentSignalDirection),
                "mean_confidence": brief.recentSignalConfidence,
            ] as [String: Any],
            "position": [
                "side": Int(brief.positionSide),
                "size": brief.positionSize,
                "entry_price": brief.positionEntryPrice,
                "unrealized_pnl_pct": brief.positionPnLPercent,
            ] as [String: Any],
        ]
        object["timeframes"] = brief.usedTimeframes.map { frame -> [String: Any] in
            [
                "minutes": Int(frame.minutes), "close": frame.close, "change_pct": frame.changePercent,
                "rsi": frame.rsi, "adx": frame.adx, "ema_slope_atr": frame.emaSlope, "atr_pct": frame.atrPercent,
                "bollinger_pct_b": frame.bollingerPercentB, "volume_ratio": frame.volumeRatio,
            ]
        }
        return ChatRequestBody.json(object)
    }

    /// The brief in `text` (a JSON object as `encode` writes it), or nil when it is not one.
    public static func decode(_ text: Substring) -> MarketBrief? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let price = number(object["price"]), let time = integer(object["time"])
        else { return nil }
        var brief = MarketBrief(time: time, instrument: InstrumentID(UInt16(clamping: integer(object["instrument"]) ?? 0)),
                                price: price)
        if let regime = object["regime"] as? String, let known = MarketRegime.allCases.first(where: { $0.description == regime }) {
            brief.regime = known
            brief.regimeKnown = true
        }
        brief.spreadBasisPoints = number(object["spread_bps"]) ?? 0
        brief.imbalance = number(object["imbalance"]) ?? 0
        brief.tradeFlowImbalance = number(object["trade_flow_imbalance"]) ?? 0
        brief.spoofScore = number(object["spoof_score"]) ?? 0
        brief.riskPenalty = number(object["risk_penalty"]) ?? 0
        brief.realizedVolatilityBasisPoints = number(object["realized_volatility_bps"]) ?? 0
        if let funding = number(object["funding_rate"]) {
            brief.fundingRate = funding
            brief.hasFundingRate = true
        }
        if let interest = number(object["open_interest"]) {
            brief.openInterest = interest
            brief.openInterestChangePercent = number(object["open_interest_change_pct"]) ?? 0
            brief.hasOpenInterest = true
        }
        if let signals = object["recent_signals"] as? [String: Any] {
            brief.recentSignalCount = Int32(clamping: integer(signals["count"]) ?? 0)
            brief.recentSignalDirection = Int8(clamping: integer(signals["direction"]) ?? 0)
            brief.recentSignalConfidence = number(signals["mean_confidence"]) ?? 0
        }
        if let position = object["position"] as? [String: Any] {
            brief.positionSide = Int8(clamping: integer(position["side"]) ?? 0)
            brief.positionSize = number(position["size"]) ?? 0
            brief.positionEntryPrice = number(position["entry_price"]) ?? 0
            brief.positionPnLPercent = number(position["unrealized_pnl_pct"]) ?? 0
        }
        let frames = (object["timeframes"] as? [[String: Any]]) ?? []
        for (index, frame) in frames.prefix(MarketBrief.timeframeCapacity).enumerated() {
            brief.setTimeframe(index, BriefTimeframe(
                minutes: Int32(clamping: integer(frame["minutes"]) ?? 0), close: number(frame["close"]) ?? 0,
                changePercent: number(frame["change_pct"]) ?? 0, rsi: number(frame["rsi"]) ?? 50,
                adx: number(frame["adx"]) ?? 0, emaSlope: number(frame["ema_slope_atr"]) ?? 0,
                atrPercent: number(frame["atr_pct"]) ?? 0, bollingerPercentB: number(frame["bollinger_pct_b"]) ?? 0.5,
                volumeRatio: number(frame["volume_ratio"]) ?? 1))
        }
        return brief
    }

    /// The first brief in a fenced ```json block of `message` (the prompt's "Market brief (JSON)" section).
    public static func find(in message: String) -> MarketBrief? {
        for block in AnalystReplyParser.fencedBlocks(in: message[...]) {
            if let brief = decode(block) { return brief }
        }
        return nil
    }

    private static func number(_ value: Any?) -> Double? {
        guard let value, !(value is NSNull) else { return nil }
        if let number = value as? NSNumber { return number.doubleValue }
        return value as? Double
    }

    private static func integer(_ value: Any?) -> Int64? {
        guard let value, !(value is NSNull) else { return nil }
        if let number = value as? NSNumber { return number.int64Value }
        return value as? Int64
    }
}
