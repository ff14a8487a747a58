public import AsymCore
import AsymExecution
import AsymRisk

extension TradingSessionSummary {
    /// The summary as one JSON object (`asym backtest --json`), positions named by `instruments`' symbols.
    ///
    /// `{"frames","resumed_from_frame","regenerated_records","book_updates","trades","signals","approved",
    /// "denied_total","denied":{reason: n},"exit_intents","exits_approved","exits_denied","orders","entry_orders",
    /// "submit_errors","fills","rejects","cancel_alls","journal_failures","realised_pnl","equity","max_drawdown",
    /// "last_client_order_id","positions":[{"symbol","lots","average_entry","mark","realized_pnl","fees",
    /// "unrealized_pnl"}],"account":{"wallet_balance","equity","peak_equity"},"risk":{"state","halt_cause",
    /// "equity","peak_equity","start_of_day_equity","margin_in_use","open_positions","entries_in_window",
    /// "consecutive_losses","consecutive_rejects","wins","losses","decisions","approvals"}}`. Money is printed
    /// with full precision, so two runs compare exactly. Latency is left out (wall-clock, not reproducible).
    public func jsonText(instruments: [Instrument]) -> String {
        var fields: [String] = []
        func add(_ key: String, _ value: String) { fields.append("\(JSONText.quoted(key)):\(value)") }
        func exact(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
        add("frames", "\(frames)")
        add("resumed_from_frame", "\(resumedFromFrame)")
        add("regenerated_records", "\(regeneratedRecords)")
        add("book_updates", "\(bookUpdates)")
        add("trades", "\(trades)")
        add("signals", "\(signals)")
        add("approved", "\(approved)")
        add("denied_total", "\(deniedTotal)")
        let deniedByReason = DenialReason.allCases.filter { denials($0) > 0 }
            .map { "\(JSONText.quoted($0.description)):\(denials($0))" }.joined(separator: ",")
        add("denied", "{\(deniedByReason)}")
        add("exit_intents", "\(exitIntents)")
        add("exits_approved", "\(exitsApproved)")
        add("exits_denied", "\(exitsDenied)")
        add("orders", "\(orders)")
        add("entry_orders", "\(entryOrders)")
        add("submit_errors", "\(submitErrors)")
        add("fills", "\(fills)")
        add("rejects", "\(rejects)")
        add("cancel_alls", "\(cancelAlls)")
        add("journal_failures", "\(journalFailures)")
        add("realised_pnl", exact(realisedPnL))
        add("equity", exact(equity))
        add("max_drawdown", exact(maxDrawdown))
        add("last_client_order_id", lastClientOrderID.map { JSONText.quoted($0.text) } ?? "null")
        let positionTexts = positions.map { snapshot -> String in
            let index = Int(snapshot.instrument.rawValue)
            let symbol = index < instruments.count ? instruments[index].symbol : "\(index)"
            return "{\"symbol\":\(JSONText.quoted(symbol)),\"lots\":\(snapshot.lots),"
                + "\"average_entry\":\(exact(snapshot.averageEntryPrice)),\"mark\":\(exact(snapshot.markPrice)),"
                + "\"realized_pnl\":\(exact(snapshot.realizedPnL)),\"fees\":\(exact(snapshot.fees)),"
                + "\"unrealized_pnl\":\(exact(snapshot.unrealizedPnL))}"
        }
        add("positions", "[\(positionTexts.joined(separator: ","))]")
        if let account = positions.first {
            add("account", "{\"wallet_balance\":\(exact(account.walletBalance)),\"equity\":\(exact(account.equity)),"
                + "\"peak_equity\":\(exact(account.peakEquity))}")
        }
        if let risk {
            add("risk", "{\"state\":\(JSONText.quoted(risk.state.description)),"
                + "\"halt_cause\":\(JSONText.quoted("\(risk.haltCause)")),\"equity\":\(exact(risk.equity)),"
                + "\"peak_equity\":\(exact(risk.peakEquity)),\"start_of_day_equity\":\(exact(risk.startOfDayEquity)),"
                + "\"margin_in_use\":\(exact(risk.marginInUse)),\"open_positions\":\(risk.openPositions),"
                + "\"entries_in_window\":\(risk.entryTimes.count),\"consecutive_losses\":\(risk.consecutiveLosses),"
                + "\"consecutive_rejects\":\(risk.consecutiveRejects),\"wins\":\(risk.wins),\"losses\":\(risk.losses),"
                + "\"decisions\":\(risk.decisions),\"approvals\":\(risk.approvals)}")
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
