import AsymCore

/// The three deterministic analysts behind the loopback endpoint: they read the brief from the prompt, as a
/// language model would, and answer in the same JSON. Same brief, same answer, so tests and the demo exercise the
/// whole HTTP path with no keys, no network and no randomness.
///
/// - `momentum`: trend following across timeframes — mean EMA slope (ATRs per candle, clamped to ±1) weighted 0.7
///   and RSI tilt ((RSI − 50) / 50) weighted 0.3; |score| > 0.15 calls the direction. Damped in a ranging regime.
/// - `meanReversion`: fades extremes on the fastest timeframe — RSI < 30 or %B < 0.05 buys, RSI > 70 or
///   %B > 0.95 sells (Bollinger 2001; Wilder 1978); damped in a trending regime, where extremes persist.
/// - `orderFlow`: reads the book — 0.6 × depth imbalance + 0.4 × aggressive trade-flow imbalance; |score| > 0.2
///   calls the direction; a spoof score above 0.5 makes the book untrustworthy (HOLD), and confidence shrinks
///   with the spoof score (after Cont, Kukanov & Stoikov 2014 on order-flow imbalance).
///
/// Invalidation and target sit 1.5 and 3 ATRs of the fastest timeframe from the price (1% and 2% without ATR).
public enum RuleBasedAnalyst: String, Sendable, CaseIterable {
    case momentum
    case meanReversion = "mean-reversion"
    case orderFlow = "order-flow"

    /// The reply to `brief`.
    public func reply(to brief: MarketBrief) -> AnalystReply {
        let frames = brief.usedTimeframes
        let (action, confidence, technical, rationale): (AnalystAction, Double, Double, String)
        switch self {
        case .momentum:
            guard !frames.isEmpty else { return Self.hold(brief, "no timeframes warmed up") }
            let trend = frames.map { clamp($0.emaSlope) }.reduce(0, +) / Double(frames.count)
            let tilt = frames.map { clamp(($0.rsi - 50) / 50) }.reduce(0, +) / Double(frames.count)
            let score = 0.7 * trend + 0.3 * tilt
            var strength = min(0.95, 0.5 + abs(score) * 0.5)
            if brief.regimeKnown && brief.regime == .ranging { strength *= 0.8 }
            action = score > 0.15 ? .buy : score < -0.15 ? .sell : .hold
            confidence = action == .hold ? 0.5 : strength
            technical = clamp(score)
            rationale = "Momentum score \(Self.rounded(score)) from EMA slope \(Self.rounded(trend)) and RSI tilt \(Self.rounded(tilt))."
        case .meanReversion:
            guard let fast = frames.first else { return Self.hold(brief, "no timeframes warmed up") }
            let oversold = fast.rsi < 30 || fast.bollingerPercentB < 0.05
            let overbought = fast.rsi > 70 || fast.bollingerPercentB > 0.95
            let stretch = max(abs(fast.rsi - 50) / 50, abs(fast.bollingerPercentB - 0.5) * 2)
            var strength = min(0.9, 0.45 + stretch * 0.45)
            if brief.regimeKnown && brief.regime.isTrending { strength *= 0.7 }
            action = oversold == overbought ? .hold : oversold ? .buy : .sell
            confidence = action == .hold ? 0.5 : strength
            technical = clamp(action == .buy ? stretch : action == .sell ? -stretch : 0)
            rationale = "RSI \(Self.rounded(fast.rsi)) and Bollinger %B \(Self.rounded(fast.bollingerPercentB)) on the fastest timeframe."
        case .orderFlow:
            let score = 0.6 * clamp(brief.imbalance) + 0.4 * clamp(brief.tradeFlowImbalance)
            let trusted = brief.spoofScore <= 0.5
            action = !trusted ? .hold : score > 0.2 ? .buy : score < -0.2 ? .sell : .hold
            confidence = action == .hold ? 0.5 : min(0.95, (0.5 + abs(score) * 0.5) * (1 - brief.spoofScore))
            technical = clamp(score)
            rationale = trusted
                ? "Book imbalance \(Self.rounded(brief.imbalance)) and trade flow \(Self.rounded(brief.tradeFlowImbalance))."
                : "Spoof score \(Self.rounded(brief.spoofScore)): the book cannot be trusted."
        }
        var categories = Self.commonCategories(brief)
        categories[.technicalSetup] = technical
        categories[.timing] = action == .hold ? 0 : technical / 2
        var reply = AnalystReply(action: action, confidence: Self.rounded(confidence), categories: categories,
                                 rationale: rationale)
        if let direction = action.direction {
            let atr = (frames.first.map { $0.atrPercent / 100 * brief.price } ?? 0)
            let risk = atr > 0 ? 1.5 * atr : brief.price * 0.01
            let reward = atr > 0 ? 3 * atr : brief.price * 0.02
            let sign = direction == .long ? 1.0 : -1.0
            reply.invalidationPrice = Self.rounded(brief.price - sign * risk)
            reply.takeProfit = Self.rounded(brief.price + sign * reward)
            reply.categories[.riskReward] = clamp((reward / risk - 1) / 2) * sign
        }
        return reply
    }

    private static func hold(_ brief: MarketBrief, _ why: String) -> AnalystReply {
        AnalystReply(action: .hold, confidence: 0.5, categories: commonCategories(brief), rationale: "HOLD: \(why).")
    }

    /// The categories every analyst reads the same way.
    private static func commonCategories(_ brief: MarketBrief) -> CategoryScores {
        var categories = CategoryScores()
        if brief.regimeKnown {
            categories[.marketRegime] = switch brief.regime {
            case .trendingUp: 0.6
            case .trendingDown: -0.6
            case .ranging, .volatile: 0
            }
        }
        // Crowded longs (positive funding) lean bearish; rising open interest amplifies the move in progress.
        var onChain = brief.hasFundingRate ? clamp(-brief.fundingRate * 1_000) : 0
        if brief.hasOpenInterest { onChain += clamp(brief.openInterestChangePercent / 10) * (brief.imbalance >= 0 ? 0.5 : -0.5) }
        categories[.onChain] = clamp(onChain)
        categories[.macroCatalysts] = brief.realizedVolatilityBasisPoints > 50 ? -0.2 : 0
        categories[.institutionalSignals] = clamp(0.5 * brief.imbalance + 0.5 * brief.tradeFlowImbalance) * (1 - brief.spoofScore)
        return categories
    }

    private static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

private func clamp(_ value: Double) -> Double { value.isFinite ? min(1, max(-1, value)) : 0 }
