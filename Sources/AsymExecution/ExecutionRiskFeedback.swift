public import AsymRisk

/// Feeds what execution learned back to the risk gate: the one place that turns router events into
/// `RiskGate` calls, so the gate's position, margin, reject-storm and loss-streak state follow the venue.
public enum ExecutionRiskFeedback {
    /// Applies `event` to `positions` and tells `gate`: fills → `confirmPosition` (+ `recordClosedTrade`
    /// when a round trip ends) and `updateEquity`; acks → `recordAccepted`; venue rejects → `recordReject`;
    /// an entry ending with less than its size → `releaseReservation`.
    public static func record(_ event: ExecutionEvent, positions: inout PositionBook, gate: RiskGate, now: Int64) {
        switch event.kind {
        case .fill:
            let change = positions.apply(event)
            let position = positions[event.instrument]
            gate.confirmPosition(event.instrument, lots: position.lots,
                                 entryPrice: Int64(position.averageEntryPrice.rounded()), at: now)
            if change.closedTrade { gate.recordClosedTrade(pnl: change.closedTradePnL, at: now) }
            gate.updateEquity(positions.equity, at: now)
        case .acked:
            gate.recordAccepted()
        case .rejected, .resolved:
            guard event.state == .rejected else { break }
            if event.reason != .neverReceived && event.reason != .notSent { gate.recordReject(at: now) }
            if event.intent == .entry { gate.releaseReservation(event.instrument) }
        case .cancelled, .expired:
            if event.intent == .entry && event.filledLots < event.lots { gate.releaseReservation(event.instrument) }
        default:
            break
        }
    }
}
