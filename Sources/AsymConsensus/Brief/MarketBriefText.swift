import Foundation

/// The brief in words, for the prompt's "Market brief" section.
enum MarketBriefText {
    static func render(_ brief: MarketBrief, symbol: String) -> String {
        func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
        func signed(_ value: Double, _ digits: Int) -> String { String(format: "%+.\(digits)f", value) }
        let time = Date(timeIntervalSince1970: Double(brief.time) / 1e9)
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var lines = [
            "Symbol: \(symbol)",
            "Time: \(formatter.string(from: time))",
            "Price: \(fixed(brief.price, 2)) (spread \(fixed(brief.spreadBasisPoints, 2)) bps)",
            "Regime: \(brief.regimeKnown ? brief.regime.description : "unknown (warming up)")",
            "Order book imbalance: \(signed(brief.imbalance, 2)) (positive = bids heavier); "
                + "aggressive trade flow: \(signed(brief.tradeFlowImbalance, 2)) (positive = buyers lifting offers)",
            "Spoof score: \(fixed(brief.spoofScore, 2)); risk penalty: \(fixed(brief.riskPenalty, 2)); "
                + "realised volatility: \(fixed(brief.realizedVolatilityBasisPoints, 1)) bps",
            "Funding rate: " + (brief.hasFundingRate ? "\(signed(brief.fundingRate * 100, 4))% per interval" : "not available"),
            "Open interest: " + (brief.hasOpenInterest
                ? "\(fixed(brief.openInterest, 1)) (\(signed(brief.openInterestChangePercent, 2))% over 1h)" : "not available"),
        ]
        let direction = brief.recentSignalDirection > 0 ? "net long" : brief.recentSignalDirection < 0 ? "net short" : "mixed"
        lines.append("Recent signals: \(brief.recentSignalCount)"
            + (brief.recentSignalCount > 0 ? ", \(direction), mean confidence \(fixed(brief.recentSignalConfidence, 2))" : ""))
        if brief.positionSide == 0 {
            lines.append("Open position: flat")
        } else {
            lines.append("Open position: \(brief.positionSide > 0 ? "long" : "short") \(fixed(brief.positionSize, 4)) "
                + "@ \(fixed(brief.positionEntryPrice, 2)) (\(signed(brief.positionPnLPercent, 2))% unrealised)")
        }
        let frames = brief.usedTimeframes
        if frames.isEmpty {
            lines.append("Timeframes: none warmed up yet")
        } else {
            lines.append("Timeframes (last closed candle):")
            for frame in frames {
                let width = frame.minutes % 60 == 0 ? "\(frame.minutes / 60)h" : "\(frame.minutes)m"
                lines.append("  \(width): close \(fixed(frame.close, 2)) (\(signed(frame.changePercent, 2))%), "
                    + "RSI \(fixed(frame.rsi, 1)), ADX \(fixed(frame.adx, 1)), "
                    + "EMA slope \(signed(frame.emaSlope, 2)) ATR/candle, ATR \(fixed(frame.atrPercent, 2))%, "
                    + "Bollinger %B \(fixed(frame.bollingerPercentB, 2)), volume ×\(fixed(frame.volumeRatio, 2))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
